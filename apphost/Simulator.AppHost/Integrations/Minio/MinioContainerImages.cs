using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Minio;

/// <summary>
/// The MinIO images of the containers runtime, from quay.io (MinIO no longer publishes on Docker Hub),
/// pinned to their last community releases.
/// </summary>
public static class MinioContainerImages
{
    /// <summary>The MinIO server.</summary>
    public static ContainerImage Minio { get; } = new("minio", "quay.io", "minio/minio", "RELEASE.2025-09-07T16-13-09Z.hotfix.7aa24e772");

    /// <summary>The MinIO client, used once to create the bucket.</summary>
    public static ContainerImage Client { get; } = new("minio-mc", "quay.io", "minio/mc", "RELEASE.2025-08-13T08-35-41Z");
}
