using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Integrations.Etcd;

/// <summary>Adds etcd members of the containers runtime.</summary>
public static class EtcdContainerBuilderExtensions
{
    /// <summary>
    /// Adds an etcd member with its data in a volume of this run; <see cref="WithEtcdCluster"/> then
    /// tells it its cluster. Healthy once <c>/health</c> answers 200, which needs a quorum: members
    /// must start together, not wait for each other.
    /// </summary>
    public static IResourceBuilder<EtcdContainerResource> AddEtcdContainer(
        this IDistributedApplicationBuilder builder, string name, ContainerImage image, RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(image);
        return builder.AddResource(new EtcdContainerResource(name))
            .WithPinnedImage(image)
            .WithLoopbackEndpoint(EtcdContainerResource.ClientEndpointName, EtcdContainerResource.ClientPort, "http")
            .WithLoopbackEndpoint(EtcdContainerResource.PeerEndpointName, EtcdContainerResource.PeerPort, "http")
            .WithEntrypoint("etcd")
            .WithRunVolume(run, "data", "/etcd-data")
            .WithHttpHealthCheck("/health", endpointName: EtcdContainerResource.ClientEndpointName)
            .WithIconName("DatabaseLink");
    }

    /// <summary>Makes the member <paramref name="member"/> of a cluster made of <paramref name="cluster"/>, serving the v2 API for Patroni's <c>etcd:</c> client.</summary>
    public static IResourceBuilder<EtcdContainerResource> WithEtcdCluster(
        this IResourceBuilder<EtcdContainerResource> builder, EtcdContainerMember member, IReadOnlyList<EtcdContainerMember> cluster, string clusterToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithArgs([.. Arguments(member, cluster, clusterToken)]);
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
