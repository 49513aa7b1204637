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
    /// <summary>The node of <paramref name="region"/>.</summary>
    public IResourceBuilder<PatroniNodeResource> Node(string region) =>
        Nodes.FirstOrDefault(n => n.Resource.Region == region)
        ?? throw new KeyNotFoundException($"the Patroni cluster has no node in region {region}");

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

    /// <summary>Every resource of the cluster: etcd members first, then the nodes.</summary>
    public IEnumerable<IResource> AllResources() =>
        Etcd.Members.Select(m => (IResource)m.Resource).Concat(Nodes.Select(n => n.Resource));
}
