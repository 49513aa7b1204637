namespace Simulator.Chaos;

/// <summary>Planned actions on a database cluster's manager (Patroni), as faults on the timeline.</summary>
public interface IClusterFaults
{
    /// <summary>The switchover target that lets the manager choose the new leader.</summary>
    public const string AnyCandidate = "any";

    /// <summary>
    /// Hands the leadership from the current leader to the node of region <paramref name="target"/>, or to the
    /// candidate the manager chooses for <see cref="AnyCandidate"/>, and returns once the manager says it is done.
    /// </summary>
    /// <returns>What happened, e.g. <c>switched over from eu-pg-1 to us-pg-1</c>.</returns>
    /// <exception cref="InvalidOperationException">The manager refused or failed the switchover.</exception>
    Task<string> SwitchoverAsync(string target, CancellationToken cancellationToken = default);

    /// <summary>
    /// A scripted region failover (a disaster-recovery runbook): fences the active cluster (its nodes are stopped, so
    /// it cannot take writes again when its region comes back) and promotes the standby cluster of region
    /// <paramref name="region"/>; returns once that cluster's leader runs as a primary.
    /// </summary>
    /// <returns>What happened, e.g. <c>fenced eu-pg-1, eu-pg-2; promoted us-pg-1</c>.</returns>
    /// <exception cref="InvalidOperationException">The region has no standby cluster, or its promotion failed.</exception>
    Task<string> RegionFailoverAsync(string region, CancellationToken cancellationToken = default);
}
