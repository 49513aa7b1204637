namespace Simulator.AppHost.Integrations.Etcd;

/// <summary>
/// One member of an etcd cluster run from Debian's <c>etcd-server</c>, on loopback, with its data in the run folder.
/// Clients (Patroni) talk to its <see cref="ClientEndpoint"/>; the other members to its <see cref="PeerEndpoint"/>.
/// </summary>
public sealed class EtcdMemberResource(string name, string region, string workingDirectory, string dataDirectory)
    : ExecutableResource(name, "etcd", workingDirectory)
{
    /// <summary>Name of the endpoint clients use (etcd's client URL).</summary>
    public const string ClientEndpointName = "client";

    /// <summary>Name of the endpoint the other members use (etcd's peer URL).</summary>
    public const string PeerEndpointName = "peer";

    /// <summary>The region the member runs in.</summary>
    public string Region { get; } = region;

    /// <summary>The member's data directory.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The client endpoint.</summary>
    public EndpointReference ClientEndpoint => new(this, ClientEndpointName);

    /// <summary>The peer endpoint.</summary>
    public EndpointReference PeerEndpoint => new(this, PeerEndpointName);

    /// <summary>The client URL, with the loopback address spelled out.</summary>
    public Uri ClientUrl => new($"http://127.0.0.1:{ClientEndpoint.Port}");
}
