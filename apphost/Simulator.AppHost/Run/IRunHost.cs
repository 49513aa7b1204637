using Simulator.Load.Reports;

namespace Simulator.AppHost.Run;

/// <summary>
/// A running topology as <see cref="ScenarioRun"/> drives it, whichever runtime stood it up: where the load and the
/// link faults go (<see cref="Topology"/>), what carries out process and cluster faults, how the database is watched,
/// healed after the load and asked about the ledger. Disposing tears the topology down.
/// </summary>
public interface IRunHost : IAsyncDisposable
{
    /// <summary>The topology's entry points.</summary>
    IRunTopology Topology { get; }

    Task<EndpointsDocument> DescribeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The resources' logs: where they are copied (a suite's next run on a shared stand-up moves them into its own
    /// <c>logs/</c>) and the tallies a run counts in them.
    /// </summary>
    ResourceLogCollector Logs { get; }

    /// <summary>What carries out the run's process and cluster faults.</summary>
    FaultActors FaultActors(TimeProvider time);

    /// <summary>A watch of the Patroni cluster, not started; null without Patroni.</summary>
    Task<FailoverWatch?> WatchAsync(TimeProvider time, CancellationToken cancellationToken);

    /// <summary>
    /// A connection string straight to the fixed primary's Odoo database (without Patroni): that of
    /// <paramref name="tenant"/> on its server, or, when null, the only (or first) database.
    /// </summary>
    Task<string> PrimaryConnectionStringAsync(string? tenant, CancellationToken cancellationToken);

    /// <summary>
    /// The database nodes a region failover fenced in this run (<paramref name="faults"/>): they must stay down, since
    /// started they would lead their old cluster again beside the promoted one. Empty when none was.
    /// </summary>
    IReadOnlySet<string> FencedNodes(IReadOnlyList<FaultReport> faults);

    /// <summary>
    /// Starts every etcd member and database node a fault left stopped, except <paramref name="fenced"/>, so the ledger
    /// is checked on a whole cluster; returns when that began, in seconds from <paramref name="runStartedAt"/>, or null
    /// when every one was running.
    /// </summary>
    Task<double?> HealDatabaseAsync(DateTimeOffset runStartedAt, TimeProvider time, IReadOnlySet<string> fenced, CancellationToken cancellationToken);
}
