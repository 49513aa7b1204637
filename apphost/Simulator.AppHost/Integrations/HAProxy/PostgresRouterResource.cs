namespace Simulator.AppHost.Integrations.HAProxy;

/// <summary>
/// A region's PostgreSQL router, run from Debian's <c>haproxy</c> in TCP mode: its write endpoint leads to whichever
/// Patroni node is the leader (checked on Patroni's <c>/primary</c>), its read endpoint to a replica, the region's own
/// first (<c>/replica</c>). Sessions on a node marked down are shut, so clients reconnect to the new leader.
/// </summary>
public sealed class PostgresRouterResource(string name, string region, string workingDirectory, string configFile)
    : ExecutableResource(name, "haproxy", workingDirectory)
{
    /// <summary>Name of the endpoint that leads to the leader.</summary>
    public const string WriteEndpointName = "write";

    /// <summary>Name of the endpoint that leads to a replica.</summary>
    public const string ReadEndpointName = "read";

    /// <summary>Name of the HTTP endpoint answering <see cref="HAProxyResource.HealthPath"/>.</summary>
    public const string MonitorEndpointName = "monitor";

    /// <summary>The region the router serves.</summary>
    public string Region { get; } = region;

    /// <summary>The generated configuration file.</summary>
    public string ConfigFile { get; } = configFile;

    /// <summary>The write endpoint.</summary>
    public EndpointReference WriteEndpoint => new(this, WriteEndpointName);

    /// <summary>The read endpoint.</summary>
    public EndpointReference ReadEndpoint => new(this, ReadEndpointName);

    /// <summary>The monitor endpoint.</summary>
    public EndpointReference MonitorEndpoint => new(this, MonitorEndpointName);
}
