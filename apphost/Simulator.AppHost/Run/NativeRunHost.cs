using Simulator.AppHost.Failover;
using Simulator.Chaos;

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
    public FaultActors FaultActors(TimeProvider time)
    {
        var processes = new ResourceProcesses(host.App, host.Topology);
        IProcessFaults? processFaults = SignalProcessFaults.IsSupported ? new SignalProcessFaults(processes.PidsAsync, processes.StartAsync) : null;
        if (host.Topology.Patroni is not { } cluster)
        {
            return new FaultActors(processFaults, null, null);
        }

        var probe = PatroniClusterProbe.For(cluster, RoleProbeTimeout);
        return new FaultActors(processFaults, probe, new PatroniSwitchover(cluster, probe, time));
    }

    /// <inheritdoc/>
    public async Task<FailoverWatch?> WatchAsync(TimeProvider time, CancellationToken cancellationToken) =>
        host.Topology.Patroni is { } cluster ? await FailoverWatch.CreateAsync(cluster, time, cancellationToken) : null;

    /// <inheritdoc/>
    public async Task<string> PrimaryConnectionStringAsync(CancellationToken cancellationToken) =>
        (await host.Topology.Primary.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken))!;

    /// <inheritdoc/>
    public async Task<double?> HealDatabaseAsync(DateTimeOffset runStartedAt, TimeProvider time, CancellationToken cancellationToken)
    {
        var processes = new ResourceProcesses(host.App, host.Topology);
        var stopped = host.Topology.Regions
            .SelectMany(r => new IResource?[] { r.Etcd?.Resource, r.PatroniNode?.Resource })
            .OfType<IResource>()
            .Where(r => !processes.IsRunning(r.Name))
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
