using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Rpc.Services;

/// <summary>One of Odoo's RPC services (<c>common</c>, <c>object</c>; later <c>db</c>).</summary>
internal interface IRpcService
{
    /// <summary>The service name clients pass (<c>params.service</c>).</summary>
    string Name { get; }

    /// <summary>Runs <paramref name="method"/> with positional <paramref name="args"/>.</summary>
    Task<JsonNode?> DispatchAsync(string method, JsonArray args, CancellationToken cancellationToken);
}
