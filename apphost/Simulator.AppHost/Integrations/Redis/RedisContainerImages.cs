using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Redis;

/// <summary>The Redis image of the containers runtime (Aspire's Redis integration, with the tag pinned here).</summary>
public static class RedisContainerImages
{
    /// <summary>Redis 7.4, the line closest to the native runtime's Debian <c>redis-server</c> 7.0.</summary>
    public static ContainerImage Redis { get; } = new("redis", "docker.io", "library/redis", "7.4.2");
}
