using Simulator.AppHost.Failover;
using Simulator.Chaos;
using Simulator.Load.Reports;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>The native runtime's topology as a run drives it: signals to the resources' processes, Aspire to start them again.</summary>
/// <param name="host">The running topology; disposed with this.</param>
public sealed class NativeRunHost(TopologyHost host) : IRunHost
{
    private static readonly TimeSpan RoleProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The running native topology.</summary>
    public TopologyHost Host => host;

    /// <inheritdoc/>
    public IRunTopology Topology => host.Topology;

    /// <inheritdoc/>
    public Task<EndpointsDocument> DescribeAsync(CancellationToken cancellationToken) => EndpointsFile.DescribeAsync(host.Topology, cancellationToken);

    /// <inheritdoc/>
    public ResourceLogCollector Logs => host.Logs;

    /// <inheritdoc/>
    public FaultActors FaultActors(TimeProvider time)
    {
        var processes = new ResourceProcesses(host.App, host.Topology);
        IProcessFaults? processFaults = SignalProcessFaults.IsSupported ? new SignalProcessFaults(processes.PidsAsync, processes.StartAsync) : null;
        if (host.Topology.Patroni is not { } cluster)
        {
            return new FaultActors(processFaults, null, null);
        }

        var probe = PatroniClusterProbe.For(cluster, RoleProbeTimeout);
        // A scripted region failover fences the active region by signalling its nodes, so it needs process faults.
        var regionFailover = cluster.Standbys.Count > 0 && processFaults is not null ? new PatroniRegionFailover(cluster, processFaults, time) : null;
        return new FaultActors(processFaults, probe, new PatroniSwitchover(cluster, probe, time, regionFailover));
    }

    /// <inheritdoc/>
    public async Task<FailoverWatch?> WatchAsync(TimeProvider time, CancellationToken cancellationToken) =>
        host.Topology.Patroni is { } cluster ? await FailoverWatch.CreateAsync(cluster, time, cancellationToken) : null;

    /// <inheritdoc/>
    public async Task<string> PrimaryConnectionStringAsync(string? tenant, CancellationToken cancellationToken) =>
        (await host.Topology.PrimaryConnectionString(tenant).GetValueAsync(cancellationToken))!;

    /// <inheritdoc/>
    public IReadOnlySet<string> FencedNodes(IReadOnlyList<FaultReport> faults) =>
        host.Topology.Patroni is { } cluster && faults.Any(f => f.Kind == FaultType.RegionFailover.ToName() && f.Error is null)
            ? cluster.Nodes.Select(n => n.Resource.Name).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();

    /// <inheritdoc/>
    public async Task<double?> HealDatabaseAsync(DateTimeOffset runStartedAt, TimeProvider time, IReadOnlySet<string> fenced, CancellationToken cancellationToken)
    {
        var processes = new ResourceProcesses(host.App, host.Topology);
        var stopped = host.Topology.Regions
            .SelectMany(r => new IResource?[] { r.Etcd?.Resource, r.PatroniNode?.Resource }.Concat(r.MorePatroniNodes.Select(n => n.Resource)))
            .OfType<IResource>()
            .Where(r => !fenced.Contains(r.Name) && !processes.IsRunning(r.Name))
            .ToList();
        if (stopped.Count == 0)
        {
            return null;
        }

        var healedAt = (time.GetUtcNow() - runStartedAt).TotalSeconds;
        foreach (var resource in stopped)
        {
            await processes.StartAsync(resource.Name, cancellationToken);
        }

        return healedAt;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => host.DisposeAsync();
}
