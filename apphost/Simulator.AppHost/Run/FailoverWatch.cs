using Simulator.AppHost.Failover;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.Load.Failover;
using Simulator.Load.Ledger;
using Simulator.Load.Measurement;
using Simulator.Load.Reports;

namespace Simulator.AppHost.Run;

/// <summary>
/// Watches a Patroni topology through a run: the cluster (<see cref="ClusterObserver"/>, every node and the DCS
/// leader key at 10 Hz) and every replica's lag (<see cref="ReplicationLagSampler"/>, each second), both straight to
/// the nodes, never through the fault-proxy links. After the load it waits for a leader to ask the ledger about, and
/// turns what it saw into the run's <see cref="FailoverReport"/>.
/// </summary>
public sealed class FailoverWatch : IAsyncDisposable
{
    private const string Timeouts = ";Timeout=3;Command Timeout=10";
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly PatroniClusterProbe _probe;
    private readonly ClusterObserver _observer;
    private readonly ReplicationLagSampler _lag;
    private readonly IReadOnlyDictionary<string, string> _connectionStrings;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private Task? _watching;

    private FailoverWatch(PatroniClusterProbe probe, IReadOnlyDictionary<string, string> connectionStrings, TimeProvider time)
    {
        _probe = probe;
        _observer = new ClusterObserver(_probe, time);
        _lag = new ReplicationLagSampler(new PostgresReplicationLagSource(connectionStrings, _observer), time);
        _connectionStrings = connectionStrings;
        _time = time;
    }

    /// <summary>The cluster as last seen; null before the first observation.</summary>
    public ClusterObservation? Latest => _observer.Latest;

    /// <summary>A watch of the running <paramref name="cluster"/> (its ports must be allocated); not started yet.</summary>
    public static async Task<FailoverWatch> CreateAsync(PatroniCluster cluster, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(time);
        var connections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in cluster.AllNodes)
        {
            connections[node.Resource.Name] = await node.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken) + Timeouts;
        }

        return new FailoverWatch(PatroniClusterProbe.For(cluster, ProbeTimeout), connections, time);
    }

    /// <summary>
    /// A watch through <paramref name="probe"/> (which the watch then owns) of the nodes at
    /// <paramref name="connectionStrings"/> (by node name, straight to each); not started yet. For a cluster the
    /// native <see cref="PatroniCluster"/> does not describe, such as the containers runtime's.
    /// </summary>
    public static FailoverWatch Create(PatroniClusterProbe probe, IReadOnlyDictionary<string, string> connectionStrings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(connectionStrings);
        ArgumentNullException.ThrowIfNull(time);
        return new FailoverWatch(probe, connectionStrings.ToDictionary(c => c.Key, c => c.Value + Timeouts, StringComparer.Ordinal), time);
    }

    /// <summary>Starts watching; once.</summary>
    public void Start() => _watching ??= Task.WhenAll(_observer.RunAsync(_stop.Token), _lag.RunAsync(_stop.Token));

    /// <summary>
    /// Waits, up to <paramref name="timeout"/>, until the DCS names a leader that runs as a primary and every node runs
    /// (the old leader rejoined), apart from <paramref name="fenced"/> ones, which stay down; returns the leader's name
    /// and a connection string straight to it, or null when no leader showed up in time. A leader without every node
    /// back is returned at the timeout.
    /// </summary>
    public async Task<(string Node, string ConnectionString)?> WaitForLeaderAsync(TimeSpan timeout, CancellationToken cancellationToken, IReadOnlySet<string>? fenced = null)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            var latest = _observer.Latest;
            var leader = latest?.Nodes.FirstOrDefault(n => n.IsRunningPrimary && n.Node == latest.Leader);
            var allRunning = latest is not null && latest.Nodes.All(n => (n.Reachable && n.Running) || fenced?.Contains(n.Node) == true);
            var late = _time.GetElapsedTime(started) >= timeout;
            if (leader is not null && (allRunning || late))
            {
                return (leader.Node, _connectionStrings[leader.Node]);
            }

            if (late)
            {
                return null;
            }

            await Task.Delay(PollInterval, _time, cancellationToken);
        }
    }

    /// <summary>Stops watching (idempotent).</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        if (_watching is not null)
        {
            await _watching;
        }
    }

    /// <summary>
    /// The failover figures of the run that started at <paramref name="runStartedAt"/>, around its first fault:
    /// leader events and lag from the watch, recovery per region from <paramref name="writes"/>, lost and recovered
    /// writes from <paramref name="ledgerCheck"/>. Null when no fault started.
    /// </summary>
    /// <param name="runStartedAt">The load's clock origin.</param>
    /// <param name="faults">The faults as they ran.</param>
    /// <param name="writes">The outcomes of the write workloads' iterations.</param>
    /// <param name="healedAtSeconds">When stopped nodes were started again after the load; null when none was (the fault's own end counts first).</param>
    /// <param name="ledgerCheck">The ledger checked against the leader after healing; null when it could not be.</param>
    /// <param name="ledger">The acknowledged writes.</param>
    public FailoverReport? Analyze(
        DateTimeOffset runStartedAt,
        IReadOnlyList<FaultReport> faults,
        IReadOnlyList<IterationOutcome> writes,
        double? healedAtSeconds,
        LedgerCheckResult? ledgerCheck,
        IReadOnlyList<LedgerEntry> ledger)
    {
        ArgumentNullException.ThrowIfNull(faults);
        var fault = faults.Where(f => f.Error is null).OrderBy(f => f.StartedAtSeconds).FirstOrDefault();
        if (fault is null)
        {
            return null;
        }

        return FailoverAnalyzer.Analyze(new FailoverInput(fault.StartedAtSeconds, writes, _observer.Events(runStartedAt))
        {
            // Healed when the fault itself ended (a kill's `for:`, a pause's resume, a partition's heal), else after the load.
            HealedAtSeconds = fault.EndedAtSeconds ?? healedAtSeconds,
            LedgerCheck = ledgerCheck,
            Ledger = ledger,
            ReplicationLag = _lag.Series(runStartedAt),
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _probe.Dispose();
        _stop.Dispose();
    }
}
