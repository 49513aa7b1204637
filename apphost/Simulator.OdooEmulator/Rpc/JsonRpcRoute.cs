using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Rpc;

/// <summary>The body of a JSON-RPC route: receives <c>params</c> (Odoo passes them as keyword arguments), returns the result.</summary>
internal delegate Task<JsonNode?> JsonRpcRoute(JsonObject parameters, CancellationToken cancellationToken);
