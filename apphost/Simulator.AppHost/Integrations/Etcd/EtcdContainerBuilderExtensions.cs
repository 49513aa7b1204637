using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Integrations.Etcd;

/// <summary>Adds etcd members of the containers runtime.</summary>
public static class EtcdContainerBuilderExtensions
{
    /// <summary>
    /// Adds <paramref name="member"/> of a cluster made of <paramref name="cluster"/>, serving the v2 API
    /// for Patroni's <c>etcd:</c> client, its data in a volume of this run. Healthy once <c>/health</c>
    /// answers 200, which needs a quorum: members must start together, not wait for each other.
    /// </summary>
    public static IResourceBuilder<EtcdContainerResource> AddEtcdContainerMember(
        this IDistributedApplicationBuilder builder,
        EtcdContainerMember member,
        IReadOnlyList<EtcdContainerMember> cluster,
        string clusterToken,
        ContainerImage image,
        RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(image);
        return builder.AddResource(new EtcdContainerResource(member.Name))
            .WithPinnedImage(image)
            .WithLoopbackEndpoint(EtcdContainerResource.ClientEndpointName, EtcdContainerResource.ClientPort, "http")
            .WithLoopbackEndpoint(EtcdContainerResource.PeerEndpointName, EtcdContainerResource.PeerPort, "http")
            .WithEntrypoint("etcd")
            .WithArgs([.. Arguments(member, cluster, clusterToken)])
            .WithRunVolume(run, "data", "/etcd-data")
            .WithHttpHealthCheck("/health", endpointName: EtcdContainerResource.ClientEndpointName)
            .WithIconName("DatabaseLink");
    }

    /// <summary>etcd's command line for <paramref name="member"/>.</summary>
    public static IReadOnlyList<string> Arguments(EtcdContainerMember member, IReadOnlyList<EtcdContainerMember> cluster, string clusterToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentException.ThrowIfNullOrEmpty(clusterToken);
        return
        [
            "--name=" + member.Name,
            "--data-dir=/etcd-data",
            $"--listen-client-urls=http://0.0.0.0:{EtcdContainerResource.ClientPort}",
            "--advertise-client-urls=" + member.ClientUrl,
            $"--listen-peer-urls=http://0.0.0.0:{EtcdContainerResource.PeerPort}",
            "--initial-advertise-peer-urls=" + member.PeerUrl,
            "--initial-cluster=" + string.Join(",", cluster.Select(m => $"{m.Name}={m.PeerUrl}")),
            "--initial-cluster-state=new",
            "--initial-cluster-token=" + clusterToken,
            "--enable-v2=true",
        ];
    }
}
