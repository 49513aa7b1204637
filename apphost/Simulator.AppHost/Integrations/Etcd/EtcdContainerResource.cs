namespace Simulator.AppHost.Integrations.Etcd;

/// <summary>One etcd member of the containers runtime (Patroni's DCS), with client and peer endpoints.</summary>
public sealed class EtcdContainerResource(string name) : ContainerResource(name)
{
    /// <summary>Client endpoint (Patroni talks to it).</summary>
    public const string ClientEndpointName = "client";

    /// <summary>Peer endpoint (members talk to each other).</summary>
    public const string PeerEndpointName = "peer";

    /// <summary>Client port inside the container.</summary>
    public const int ClientPort = 2379;

    /// <summary>Peer port inside the container.</summary>
    public const int PeerPort = 2380;

    /// <summary>The client endpoint.</summary>
    public EndpointReference ClientEndpoint => new(this, ClientEndpointName);

    /// <summary>The peer endpoint.</summary>
    public EndpointReference PeerEndpoint => new(this, PeerEndpointName);
}
