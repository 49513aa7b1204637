using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Redis;

/// <summary>Adds Redis servers of the containers runtime through <c>Aspire.Hosting.Redis</c>.</summary>
public static class RedisContainerBuilderExtensions
{
    /// <summary>Name of Aspire's Redis endpoint.</summary>
    public const string EndpointName = "tcp";

    /// <summary>
    /// Adds Aspire's Redis resource (password, connection string, health check) on <paramref name="image"/>,
    /// published on loopback without persistence: sessions are disposable in a simulation.
    /// </summary>
    public static IResourceBuilder<RedisResource> AddRedisContainer(
        this IDistributedApplicationBuilder builder, string name, ContainerImage image)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(image);
        var redis = builder.AddRedis(name)
            .WithPinnedImage(image)
            .WithLoopbackEndpoint(EndpointName, 6379);
        // Plain TCP, as the native runtime's Redis: clients use the same connection string shape in both.
#pragma warning disable ASPIRECERTIFICATES001 // evaluation API; the alternative is TLS whenever a developer certificate exists
        redis.WithoutHttpsCertificate();
#pragma warning restore ASPIRECERTIFICATES001
        return redis
            .WithArgs("--save", string.Empty, "--appendonly", "no")
            .WithIconName("Memory");
    }
}
