using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Etcd;

/// <summary>The etcd image of the containers runtime.</summary>
public static class EtcdContainerImages
{
    /// <summary>
    /// etcd 3.5: the last line that still serves the v2 API (<c>--enable-v2</c>) Patroni's <c>etcd:</c>
    /// client speaks; 3.6 removed it.
    /// </summary>
    public static ContainerImage Etcd { get; } = new("etcd", "quay.io", "coreos/etcd", "v3.5.9");
}
