namespace Simulator.AppHost.Integrations.HAProxy;

/// <summary>
/// An HAProxy ingress run from Debian's <c>haproxy</c>: HTTP round robin over a region's Odoo nodes,
/// each health-checked on Odoo's <c>/web/health</c>.
/// </summary>
public sealed class HAProxyResource(string name, string workingDirectory, string configFile)
    : ExecutableResource(name, "haproxy", workingDirectory)
{
    /// <summary>Name of the HTTP endpoint clients send requests to.</summary>
    public const string EndpointName = "http";

    /// <summary>Path HAProxy itself answers 200 on while it runs (its <c>monitor-uri</c>).</summary>
    public const string HealthPath = "/haproxy/health";

    /// <summary>The generated configuration file.</summary>
    public string ConfigFile { get; } = configFile;

    /// <summary>The ingress endpoint.</summary>
    public EndpointReference Endpoint => new(this, EndpointName);

    /// <summary>
    /// The ingress URL with the loopback address spelled out: HAProxy binds 127.0.0.1 only, and
    /// <c>localhost</c> may resolve to ::1 first, costing every new connection a refused attempt.
    /// </summary>
    public string IngressUrl => $"http://127.0.0.1:{Endpoint.Port}";
}
