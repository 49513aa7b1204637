namespace Simulator.AppHost.Integrations.Redis;

/// <summary>A Redis server run from Debian's <c>redis-server</c>, without persistence.</summary>
public sealed class NativeRedisResource(string name, string workingDirectory)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString
{
    /// <summary>Name of the TCP endpoint Redis listens on.</summary>
    public const string EndpointName = "tcp";

    /// <summary>The endpoint clients connect to.</summary>
    public EndpointReference Endpoint => new(this, EndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}");
}
