using Simulator.AppHost.Integrations.Etcd;

namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>A Patroni cluster: one PostgreSQL node per region, and the etcd cluster holding its leader key.</summary>
/// <param name="Options">How it was set up.</param>
/// <param name="Etcd">The DCS.</param>
/// <param name="Nodes">One node per region, in region order; the first bootstraps the cluster.</param>
/// <param name="Passwords">The roles' passwords.</param>
public sealed record PatroniCluster(
    PatroniClusterOptions Options,
    EtcdCluster Etcd,
    IReadOnlyList<IResourceBuilder<PatroniNodeResource>> Nodes,
    PatroniPasswords Passwords)
{
    /// <summary>
    /// Standby clusters following this one from other regions (warm standby), each with its own etcd and scope;
    /// empty for a single cluster.
    /// </summary>
    public IReadOnlyList<PatroniCluster> Standbys { get; init; } = [];

    /// <summary>Every node: this cluster's, then its standby clusters'.</summary>
    public IReadOnlyList<IResourceBuilder<PatroniNodeResource>> AllNodes => [.. Nodes, .. Standbys.SelectMany(s => s.Nodes)];

    /// <summary>The (first) node of <paramref name="region"/>, in this cluster or a standby cluster.</summary>
    public IResourceBuilder<PatroniNodeResource> Node(string region) =>
        AllNodes.FirstOrDefault(n => n.Resource.Region == region)
        ?? throw new KeyNotFoundException($"the Patroni cluster has no node in region {region}");

    /// <summary>The standby cluster running in <paramref name="region"/>, or null when none does.</summary>
    public PatroniCluster? StandbyIn(string region) => Standbys.FirstOrDefault(s => s.Nodes.Any(n => n.Resource.Region == region));

    /// <summary>
    /// A connection string as the superuser to the application database through <paramref name="endpoint"/>: a
    /// router's write or read endpoint, or a node's own PostgreSQL.
    /// </summary>
    public ReferenceExpression ConnectionStringVia(EndpointReference endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return ReferenceExpression.Create(
            $"Host=127.0.0.1;Port={endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Passwords.Superuser};Database={Nodes[0].Resource.Database}");
    }

    /// <summary>Every resource of the cluster: etcd members first, then the nodes; then each standby cluster's.</summary>
    public IEnumerable<IResource> AllResources() =>
        Etcd.Members.Select(m => (IResource)m.Resource).Concat(Nodes.Select(n => n.Resource)).Concat(Standbys.SelectMany(s => s.AllResources()));
}
