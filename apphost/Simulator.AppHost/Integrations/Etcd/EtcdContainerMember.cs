using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Etcd;

/// <summary>An etcd member as the cluster knows it.</summary>
/// <param name="Name">Member name (the resource name, e.g. <c>eu-etcd</c>).</param>
/// <param name="PeerAddress">The address the other members reach its peer port at.</param>
/// <param name="ClientAddress">The address it advertises to clients.</param>
public sealed record EtcdContainerMember(string Name, ContainerAddress PeerAddress, ContainerAddress ClientAddress)
{
    /// <summary>Its peer URL.</summary>
    public string PeerUrl => $"http://{PeerAddress}";

    /// <summary>Its client URL.</summary>
    public string ClientUrl => $"http://{ClientAddress}";
}
