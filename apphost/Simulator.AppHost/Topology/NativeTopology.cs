using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Native;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Topology;

/// <summary>A topology stood up by the native runtime: its resources per region and the run's secrets.</summary>
public sealed record NativeTopology(
    TopologySpec Spec,
    RunDirectory Run,
    OdooCredentials Credentials,
    IReadOnlyList<RegionResources> Regions)
{
    /// <summary>The primary database node of the topology.</summary>
    public IResourceBuilder<NativePostgresResource> Primary =>
        Regions.Select(r => r.Primary).FirstOrDefault(p => p is not null)
        ?? throw new InvalidOperationException($"topology {Spec.Name} has no primary");

    /// <summary>The region of that name.</summary>
    public RegionResources Region(string name) =>
        Regions.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"topology {Spec.Name} has no region {name}");

    /// <summary>Every resource of the topology.</summary>
    public IEnumerable<IResource> AllResources() => Regions.SelectMany(r => r.All());
}
