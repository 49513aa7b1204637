using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Patroni;

namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>One Patroni node's place in the cluster, as its configuration needs it.</summary>
/// <param name="Name">Member name (the resource name, e.g. <c>eu-pg-1</c>).</param>
/// <param name="PostgresConnect">The address other members and clients use for its PostgreSQL.</param>
/// <param name="RestConnect">The address others use for its REST API.</param>
/// <param name="EtcdHosts">The etcd members' client addresses as this node reaches them.</param>
/// <param name="StandbySource">
/// For a node of a standby cluster, the PostgreSQL it follows (Patroni's <c>standby_cluster</c>), as this node reaches
/// it; null for a node of an ordinary cluster.
/// </param>
public sealed record PatroniContainerNode(
    string Name,
    ContainerAddress PostgresConnect,
    ContainerAddress RestConnect,
    IReadOnlyList<ContainerAddress> EtcdHosts,
    ContainerAddress? StandbySource = null)
{
    /// <summary>Patroni's tags on the node (its region's <c>nofailover</c> and <c>nosync</c>); none by default.</summary>
    public PatroniNodeTags Tags { get; init; } = PatroniNodeTags.None;
}
