using Simulator.AppHost.Failover;
using Simulator.Chaos;
using Simulator.Load.Reports;

namespace Simulator.AppHost.Run.Containers;

/// <summary>
/// The containers runtime's topology as a run drives it: process faults through the engine, the Patroni cluster
/// watched and switched over through the nodes' published REST ports (under warm standby, a region failover fences the
/// first region's cluster with the engine and promotes a standby cluster the same way), the ledger asked of the leader
/// through its published PostgreSQL port, stopped containers started again with the engine.
/// </summary>
/// <param name="host">The running topology; disposed with this.</param>
public sealed class ContainerRunHost(ContainerTopologyHost host) : IRunHost
{
    private static readonly TimeSpan RoleProbeTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan WatchProbeTimeout = TimeSpan.FromSeconds(1);

    /// <inheritdoc/>
    public IRunTopology Topology => host.Topology;

    /// <inheritdoc/>
    public Task<EndpointsDocument> DescribeAsync(CancellationToken cancellationToken) => ContainerEndpoints.DescribeAsync(host.Topology, cancellationToken);

    /// <inheritdoc/>
    public ResourceLogCollector Logs => host.Logs;

    /// <inheritdoc/>
    public FaultActors FaultActors(TimeProvider time)
    {
        var topology = host.Topology;
        var probe = topology.ClusterProbe(RoleProbeTimeout);
        var nodes = topology.Topology.Regions.SelectMany(r => r.DatabaseNodes).ToDictionary(n => n.Resource.Name, StringComparer.Ordinal);
        var processFaults = new ContainerProcessFaults(host.Engine, topology.Containers);
        var regionFailover = topology.RegionFailover(processFaults, time);
        var switchover = new PatroniSwitchover(
            region => topology.Topology.Region(region).DatabaseNodes[0].Resource.Name,
            node => ContainerRunTopology.RestUrl(nodes[node].Resource),
            probe,
            time,
            regionFailover);
        return new FaultActors(processFaults, probe, switchover);
    }

    /// <inheritdoc/>
    /// <remarks>
    /// None for a tenant topology, as natively: its servers are independent primaries (each its own one-node cluster),
    /// not one cluster that fails over, so two leaders there are the design, not a split brain.
    /// </remarks>
    public async Task<FailoverWatch?> WatchAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        if (host.Topology.Spec.Tenants.Count > 0)
        {
            return null;
        }

        var connections = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var node in host.Topology.DatabaseNodes)
        {
            connections[node.Name] = await DatabaseConnectionAsync(node, cancellationToken);
        }

        return FailoverWatch.Create(host.Topology.ClusterProbe(WatchProbeTimeout), connections, time);
    }

    /// <inheritdoc/>
    /// <remarks>A tenant's: straight to the server its database was created on, in that database.</remarks>
    /// <exception cref="KeyNotFoundException">The topology has no such tenant.</exception>
    public async Task<string> PrimaryConnectionStringAsync(string? tenant, CancellationToken cancellationToken)
    {
        if (tenant is null)
        {
            return await DatabaseConnectionAsync(host.Topology.DatabaseNodes[0], cancellationToken);
        }

        var server = host.Topology.Topology.TenantServers.TryGetValue(tenant, out var found)
            ? found
            : throw new KeyNotFoundException($"topology {host.Topology.Spec.Name} has no tenant {tenant}");
        return await server.ConnectionStringExpression.GetValueAsync(cancellationToken) + ";Database=" + tenant;
    }

    /// <inheritdoc/>
    /// <remarks>As natively: a region failover that went through fenced the first region's cluster, left down.</remarks>
    public IReadOnlySet<string> FencedNodes(IReadOnlyList<FaultReport> faults) =>
        host.Topology.Spec.WarmStandby && faults.Any(f => f.Kind == FaultType.RegionFailover.ToName() && f.Error is null)
            ? host.Topology.Topology.ActiveClusterNodes.Select(n => n.Name).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>();

    /// <inheritdoc/>
    public async Task<double?> HealDatabaseAsync(DateTimeOffset runStartedAt, TimeProvider time, IReadOnlySet<string> fenced, CancellationToken cancellationToken)
    {
        var notifications = host.App.ResourceNotifications;
        var stopped = host.Topology.Topology.Regions
            .SelectMany(r => r.DatabaseNodes.Select(n => n.Resource.Name).Prepend(r.Etcd.Resource.Name))
            .Where(name => !fenced.Contains(name))
            .Where(name => !(notifications.TryGetCurrentState(name, out var state) && state.Snapshot.State?.Text == KnownResourceStates.Running))
            .ToList();
        if (stopped.Count == 0)
        {
            return null;
        }

        var healedAt = (time.GetUtcNow() - runStartedAt).TotalSeconds;
        foreach (var name in stopped)
        {
            await host.Engine.RunAsync(ContainerProcessFaults.Arguments("start", host.Topology.ContainerName(name)), cancellationToken);
        }

        return healedAt;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync() => host.DisposeAsync();

    /// <summary>Straight to the node's published PostgreSQL port, in Odoo's database (where the ledger's orders are).</summary>
    private async Task<string> DatabaseConnectionAsync(PostgresServerResource node, CancellationToken cancellationToken) =>
        await node.ConnectionStringExpression.GetValueAsync(cancellationToken) + ";Database=" + host.Topology.Credentials.Database;
}
