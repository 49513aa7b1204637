using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>Who holds a role in a Patroni cluster at one observation: the fault targets <c>leader</c> and <c>replica</c>.</summary>
public static class PatroniRoles
{
    /// <summary>The role of the node that accepts writes.</summary>
    public const string Leader = "leader";

    /// <summary>The role of a node that streams from the leader.</summary>
    public const string Replica = "replica";

    /// <summary>Every role a fault may target.</summary>
    public static IReadOnlyList<string> All { get; } = [Leader, Replica];

    /// <summary>
    /// The node holding <paramref name="role"/> in <paramref name="observation"/>: for <c>leader</c> the node the DCS
    /// names that runs as a primary (else the only running primary); for <c>replica</c> the first running replica in
    /// the cluster's node order.
    /// </summary>
    /// <exception cref="InvalidOperationException">No node holds the role now (e.g. during a failover).</exception>
    /// <exception cref="ArgumentException">The role is not one of <see cref="All"/>.</exception>
    public static string Holder(ClusterObservation observation, string role)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var nodes = observation.Nodes;
        return role switch
        {
            Leader => nodes.FirstOrDefault(n => n.IsRunningPrimary && n.Node == observation.Leader)?.Node
                ?? (nodes.Count(n => n.IsRunningPrimary) == 1 ? nodes.Single(n => n.IsRunningPrimary).Node : null)
                ?? throw new InvalidOperationException(
                    $"no node leads now (DCS leader: {observation.Leader ?? "none"}; {Describe(nodes)})"),
            Replica => nodes.FirstOrDefault(n => n.IsRunningReplica && n.Node != observation.Leader)?.Node
                ?? throw new InvalidOperationException($"no replica runs now ({Describe(nodes)})"),
            _ => throw new ArgumentException($"`{role}` is not a role; roles: {string.Join(", ", All)}", nameof(role)),
        };
    }

    private static string Describe(IReadOnlyList<NodeObservation> nodes) =>
        string.Join(", ", nodes.Select(n => $"{n.Node} {(n.Reachable ? $"{n.Role ?? "?"}{(n.Running ? string.Empty : " not running")}" : "unreachable")}"));
}
