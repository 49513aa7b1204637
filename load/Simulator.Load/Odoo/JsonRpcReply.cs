using System.Text.Json;

namespace Simulator.Load.Odoo;

/// <summary>A JSON-RPC call's result and what its response's headers said.</summary>
/// <param name="Result">The call's <c>result</c>.</param>
/// <param name="Origin">The emulator's <see cref="OdooClient.DbOriginHeader"/>, or null.</param>
/// <param name="SessionId">The <c>session_id</c> cookie the response set, or null.</param>
internal sealed record JsonRpcReply(JsonElement Result, string? Origin, string? SessionId);
