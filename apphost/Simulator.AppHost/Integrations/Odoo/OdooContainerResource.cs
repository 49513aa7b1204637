namespace Simulator.AppHost.Integrations.Odoo;

/// <summary>An Odoo server from the official image (the <c>containers</c> face of an Odoo node).</summary>
public sealed class OdooContainerResource(string name, string region) : ContainerResource(name)
{
    /// <summary>Name of the HTTP endpoint (XML-RPC, JSON-RPC, the web client).</summary>
    public const string HttpEndpointName = "http";

    /// <summary>Name of the gevent endpoint (<c>/websocket</c>).</summary>
    public const string WebsocketEndpointName = "websocket";

    /// <summary>The region the node serves.</summary>
    public string Region { get; } = region;

    /// <summary>The HTTP endpoint.</summary>
    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    /// <summary>The gevent endpoint.</summary>
    public EndpointReference WebsocketEndpoint => new(this, WebsocketEndpointName);
}
