using Simulator.AppHost.Integrations.Toxiproxy;
using Simulator.AppHost.Integrations.Traefik;
using Simulator.AppHost.Native;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Topology;

/// <summary>A topology stood up by the containers runtime: its resources per region and the run's secrets.</summary>
/// <param name="Spec">What was built.</param>
/// <param name="Run">The run's scratch folder (its id names the run's volumes).</param>
/// <param name="Credentials">The Odoo API login the workloads use.</param>
/// <param name="Regions">Per region, in the spec's order.</param>
/// <param name="OdooInit">The one-shot container creating and seeding Odoo's database.</param>
/// <param name="FaultProxy">Toxiproxy, present when there is more than one region.</param>
/// <param name="Links">The cross-region links (none for one region).</param>
/// <param name="Options">Images and settings used.</param>
public sealed record ContainerTopology(
    TopologySpec Spec,
    RunDirectory Run,
    OdooCredentials Credentials,
    IReadOnlyList<ContainerRegionResources> Regions,
    IResourceBuilder<ContainerResource> OdooInit,
    IResourceBuilder<ToxiproxyContainerResource>? FaultProxy,
    IReadOnlyList<ToxiproxyContainerLink> Links,
    ContainerTopologyOptions Options)
{
    /// <summary>The region of that name.</summary>
    public ContainerRegionResources Region(string name) =>
        Regions.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"topology {Spec.Name} has no region {name}");

    /// <summary>
    /// Each tenant's PostgreSQL server, by tenant name (the node its database was created on, and the one the tenant
    /// router sends it to); empty for a topology with one database.
    /// </summary>
    public IReadOnlyDictionary<string, PostgresServerResource> TenantServers { get; init; } = new Dictionary<string, PostgresServerResource>();

    /// <summary>The ingress whose <c>postgres</c> entry point reaches the current leader, wherever it is.</summary>
    public TraefikContainerResource LeaderRoute => Regions[0].Ingress.Resource;

    /// <summary>The Patroni settings the nodes were configured with (<see cref="ContainerTopologyOptions.PatroniFor"/>).</summary>
    public Integrations.Postgres.PatroniClusterSettings PatroniSettings => Options.PatroniFor(Spec);

    /// <summary>
    /// The database nodes of the cluster that takes writes first: every node, except under warm standby, where it is
    /// the first region's cluster and each other region runs a standby cluster of it (<see cref="StandbyNodes"/>).
    /// </summary>
    public IReadOnlyList<PostgresServerResource> ActiveClusterNodes =>
        [.. (Spec.WarmStandby ? Regions.Take(1) : Regions).SelectMany(r => r.DatabaseNodes).Select(n => n.Resource)];

    /// <summary>The nodes of the standby cluster <paramref name="region"/> runs, its first node first; empty when it runs none.</summary>
    public IReadOnlyList<PostgresServerResource> StandbyNodes(string region) =>
        Spec.WarmStandby && Regions.Skip(1).FirstOrDefault(r => r.Name == region) is { } standby
            ? [.. standby.DatabaseNodes.Select(n => n.Resource)]
            : [];

    /// <summary>Every resource that runs as long as the topology (one-shot containers excluded).</summary>
    public IEnumerable<IResource> LongRunningResources()
    {
        if (FaultProxy is not null)
        {
            yield return FaultProxy.Resource;
        }

        foreach (var resource in Regions.SelectMany(r => r.LongRunning()))
        {
            yield return resource;
        }
    }

    /// <summary>The containers that run once and exit (database creation, buckets).</summary>
    public IEnumerable<IResource> OneShotResources() =>
        Regions.Select(r => (IResource)r.Bucket.Resource).Prepend(OdooInit.Resource);
}
