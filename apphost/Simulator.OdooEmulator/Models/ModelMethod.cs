using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Models;

/// <summary>A model method callable over RPC (Odoo's public methods reached through <c>call_kw</c>).</summary>
internal delegate Task<JsonNode?> ModelMethod(ModelCall call, CancellationToken cancellationToken);
