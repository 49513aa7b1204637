using Simulator.AppHost.Failover;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Topology;
using Simulator.Chaos;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Run.Containers;

/// <summary>
/// A containers topology as a run sees it: each region's load aimed at its Traefik <c>http</c> entry point, link
/// faults through the Toxiproxy container's API, process faults on the engine's containers (named when the model
/// was built, <see cref="ContainerResourceNaming.Container"/>), and the Patroni cluster watched through the nodes'
/// published REST and PostgreSQL ports, never through the links.
/// </summary>
public sealed class ContainerRunTopology(ContainerTopology topology) : IRunTopology
{
    /// <summary>The app model.</summary>
    public ContainerTopology Topology { get; } = topology ?? throw new ArgumentNullException(nameof(topology));

    /// <inheritdoc/>
    public string Runtime => "containers";

    /// <inheritdoc/>
    public TopologySpec Spec => Topology.Spec;

    /// <inheritdoc/>
    public OdooCredentials Credentials => Topology.Credentials;

    /// <inheritdoc/>
    public string? FaultProxyApiUrl => Topology.FaultProxy?.Resource.ApiUrl;

    /// <summary>The names of the resources faults may name: every long-running container (one-shot ones have exited).</summary>
    public IReadOnlyList<string> ResourceNames => [.. Topology.LongRunningResources().Select(r => r.Name)];

    /// <summary>The Toxiproxy links the container carries, <c>&lt;from&gt;-&gt;&lt;to&gt;:&lt;service&gt;</c>.</summary>
    public IReadOnlyList<LinkName> LinkNames => [.. Topology.Links.Select(l => LinkName.Parse(l.Name))];

    /// <summary>Every database node, in start order (the first bootstraps the cluster and leads first).</summary>
    public IReadOnlyList<PostgresServerResource> DatabaseNodes => [.. Topology.Regions.SelectMany(r => r.DatabaseNodes).Select(n => n.Resource)];

    /// <inheritdoc/>
    public Uri IngressUrl(string region) => new(Topology.Region(region).Ingress.Resource.IngressUrl);

    /// <inheritdoc/>
    public string? EtcdMember(string region) => Topology.Region(region).Etcd.Resource.Name;

    /// <summary>The engine's name for the resource's container.</summary>
    public string ContainerName(string resource) => ContainerResourceNaming.Container(Topology.Run, resource);

    /// <summary>
    /// The containers a process-fault target stands for: a resource's own, or, for a region, every long-running one of
    /// the region in start order.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The topology has no resource or region of that name.</exception>
    public IReadOnlyList<string> Containers(string target)
    {
        if (Topology.Regions.FirstOrDefault(r => r.Name == target) is { } region)
        {
            return [.. region.LongRunning().Select(r => ContainerName(r.Name))];
        }

        return ResourceNames.Contains(target, StringComparer.Ordinal)
            ? [ContainerName(target)]
            : throw new KeyNotFoundException($"topology {Spec.Name} has no container or region called {target} in containers mode");
    }

    /// <summary>
    /// A probe of the Patroni cluster on the host: every node's REST API and every etcd member's client port as the
    /// engine publishes them (the ports must be allocated: the topology runs). Under warm standby, a probe of the first
    /// region's cluster with one per standby cluster (its own etcd and scope), as natively.
    /// </summary>
    public PatroniClusterProbe ClusterProbe(TimeSpan requestTimeout)
    {
        var settings = Topology.PatroniSettings;
        return Spec.WarmStandby
            ? Probe(
                Topology.Regions.Take(1),
                settings.Scope,
                [.. Topology.Regions.Skip(1).Select(r => Probe([r], PatroniClusterOptions.StandbyScope(settings.Scope, r.Name), []))])
            : Probe(Topology.Regions, settings.Scope, []);

        PatroniClusterProbe Probe(IEnumerable<ContainerRegionResources> regions, string scope, IReadOnlyList<PatroniClusterProbe> standbys) => new(
            [.. regions.SelectMany(r => r.DatabaseNodes).Select(n => (n.Resource.Name, RestUrl(n.Resource)))],
            [.. regions.Select(r => HostUrl(r.Etcd.Resource.ClientEndpoint))],
            settings.UseEtcd3 ? PatroniDcs.Etcd3 : PatroniDcs.Etcd,
            scope,
            requestTimeout)
        {
            Standbys = standbys,
        };
    }

    /// <summary>
    /// Under warm standby, the scripted region failover: the first region's cluster fenced through
    /// <paramref name="processes"/> (the engine kills its containers), a standby cluster promoted through its first
    /// node's published REST API. Null for a topology without standby clusters.
    /// </summary>
    public PatroniRegionFailover? RegionFailover(IProcessFaults processes, TimeProvider time) =>
        Spec.WarmStandby
            ? new PatroniRegionFailover(
                [.. Topology.ActiveClusterNodes.Select(n => n.Name)],
                region => [.. Topology.StandbyNodes(region).Select(n => (n.Name, RestUrl(n)))],
                processes,
                time)
            : null;

    /// <summary>A node's REST API on the host, as the engine publishes it.</summary>
    public static Uri RestUrl(PostgresServerResource node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return HostUrl(new EndpointReference(node, PatroniContainerBuilderExtensions.RestEndpointName));
    }

    private static Uri HostUrl(EndpointReference endpoint) => new($"http://127.0.0.1:{endpoint.Port}");
}
