using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Integrations.Minio;

/// <summary>Adds MinIO object storage of the containers runtime.</summary>
public static class MinioContainerBuilderExtensions
{
    /// <summary>Alias the bucket-creating client gives the server.</summary>
    public const string ClientAlias = "sim";

    /// <summary>
    /// Adds a MinIO server with its data in a volume of this run, healthy once its liveness probe
    /// (<c>/minio/health/live</c>) answers.
    /// </summary>
    public static IResourceBuilder<MinioContainerResource> AddMinioContainer(
        this IDistributedApplicationBuilder builder, string name, ContainerImage image, string accessKey, string secretKey, RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(image);
        return builder.AddResource(new MinioContainerResource(name, accessKey, secretKey))
            .WithPinnedImage(image)
            .WithLoopbackEndpoint(MinioContainerResource.ApiEndpointName, MinioContainerResource.ApiPort, "http")
            .WithLoopbackEndpoint(MinioContainerResource.ConsoleEndpointName, MinioContainerResource.ConsolePort, "http")
            .WithEnvironment("MINIO_ROOT_USER", accessKey)
            .WithEnvironment("MINIO_ROOT_PASSWORD", secretKey)
            .WithArgs("server", "/data", "--console-address", $":{MinioContainerResource.ConsolePort}")
            .WithRunVolume(run, "data", "/data")
            .WithHttpHealthCheck("/minio/health/live", endpointName: MinioContainerResource.ApiEndpointName)
            .WithIconName("Archive");
    }

    /// <summary>
    /// Adds the one-shot MinIO client that creates <paramref name="bucket"/> on <paramref name="storage"/>
    /// once it is healthy (<c>mc mb --ignore-existing</c>; the server is named through <c>MC_HOST_sim</c>,
    /// so no shell is needed); what uses the bucket waits for its completion.
    /// </summary>
    public static IResourceBuilder<ContainerResource> AddMinioBucket(
        this IDistributedApplicationBuilder builder, string name, ContainerImage image, IResourceBuilder<MinioContainerResource> storage, string bucket)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(storage);
        var server = storage.Resource;
        var address = ContainerAddress.Of(server.ApiEndpoint);
        return builder.AddContainer(name, image.Image, image.Tag)
            .WithPinnedImage(image)
            .WithEnvironment("MC_HOST_" + ClientAlias, string.Concat("http://", server.AccessKey, ":", server.SecretKey, "@", address.ToString()))
            .WithArgs("mb", "--ignore-existing", $"{ClientAlias}/{bucket}")
            .WithParentRelationship(storage)
            .WaitFor(storage)
            .WithIconName("FolderAdd");
    }
}
