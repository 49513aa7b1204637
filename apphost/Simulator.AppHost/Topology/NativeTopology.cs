using Simulator.AppHost.Integrations.FaultProxy;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Native;
using Simulator.AppHost.Run;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Topology;

/// <summary>A topology stood up by the native runtime: its resources per region and the run's secrets.</summary>
/// <param name="Spec">What was asked for.</param>
/// <param name="Run">The run folder.</param>
/// <param name="Credentials">The run's Odoo credentials.</param>
/// <param name="Regions">The resources of each region.</param>
/// <param name="FaultProxy">The fault proxy carrying every cross-region link; null when no connection leaves its region.</param>
public sealed record NativeTopology(
    TopologySpec Spec,
    RunDirectory Run,
    OdooCredentials Credentials,
    IReadOnlyList<RegionResources> Regions,
    IResourceBuilder<FaultProxyResource>? FaultProxy = null) : IRunTopology
{
    /// <summary>The Patroni cluster running the database; null for plain streaming replication.</summary>
    public PatroniCluster? Patroni { get; init; }

    /// <summary>
    /// The fixed primary database node of a streaming topology. A Patroni topology has none (the leader moves; ask
    /// Patroni), and throws.
    /// </summary>
    public IResourceBuilder<NativePostgresResource> Primary =>
        Regions.Select(r => r.Primary).FirstOrDefault(p => p is not null)
        ?? throw new InvalidOperationException($"topology {Spec.Name} has no fixed primary{(Patroni is null ? string.Empty : ": Patroni decides which node leads")}");

    /// <summary>Each tenant's primary server, by tenant name; empty for a topology with one database.</summary>
    public IReadOnlyDictionary<string, IResourceBuilder<NativePostgresResource>> TenantServers { get; init; } =
        new Dictionary<string, IResourceBuilder<NativePostgresResource>>();

    /// <summary>
    /// A connection string straight to the database of <paramref name="tenant"/> on its primary server; null: the fixed
    /// <see cref="Primary"/>'s own database.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The topology has no such tenant.</exception>
    public ReferenceExpression PrimaryConnectionString(string? tenant)
    {
        if (tenant is null)
        {
            return Primary.Resource.ConnectionStringExpression;
        }

        var server = TenantServers.TryGetValue(tenant, out var found) ? found : throw new KeyNotFoundException($"topology {Spec.Name} has no tenant {tenant}");
        return server.Resource.ConnectionStringVia(server.Resource.Endpoint, tenant);
    }

    /// <summary>The region of that name.</summary>
    public RegionResources Region(string name) =>
        Regions.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"topology {Spec.Name} has no region {name}");

    /// <summary>Every resource of the topology: the fault proxy (if any), then each region's.</summary>
    public IEnumerable<IResource> AllResources() =>
        FaultProxy is null ? Regions.SelectMany(r => r.All()) : [FaultProxy.Resource, .. Regions.SelectMany(r => r.All())];

    /// <inheritdoc/>
    string IRunTopology.Runtime => "native";

    /// <inheritdoc/>
    string? IRunTopology.FaultProxyApiUrl => FaultProxy?.Resource.ApiUrl;

    /// <inheritdoc/>
    Uri IRunTopology.IngressUrl(string region) => new(Region(region).Ingress.Resource.IngressUrl);

    /// <inheritdoc/>
    string? IRunTopology.EtcdMember(string region) => Region(region).Etcd?.Resource.Name;
}
