using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Models;

namespace Simulator.OdooEmulator.Rpc;

/// <summary>The bodies of the emulator's JSON-RPC routes.</summary>
internal static class JsonRpcRoutes
{
    private static readonly string[] JsonRpcParameters = ["service", "method", "args"];

    /// <summary>
    /// <c>/jsonrpc</c>: Odoo's <c>jsonrpc(service, method, args)</c> controller, which hands
    /// the call to <c>dispatch_rpc</c>.
    /// </summary>
    public static Task<JsonNode?> JsonRpcAsync(RpcDispatcher dispatcher, JsonObject parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dispatcher);
        var args = CallArguments.Bind("jsonrpc", [], parameters, JsonRpcParameters, 3);
        var service = PyValues.AsString(args[0]) ?? throw OdooException.KeyError(PyValues.Repr(args[0]));
        var method = PyValues.AsString(args[1])
            ?? throw OdooException.TypeError($"method must be a string, not {PyValues.PyTypeName(args[1])}");
        var callArgs = args[2] as JsonArray
            ?? throw OdooException.TypeError($"argument after * must be an iterable, not {PyValues.PyTypeName(args[2])}");
        return dispatcher.DispatchAsync(service, method, callArgs, cancellationToken);
    }

    /// <summary><c>/web/webclient/version_info</c>: the same dict as <c>common.version</c>.</summary>
    public static Task<JsonNode?> VersionInfoAsync(JsonObject parameters)
    {
        CallArguments.Bind("version_info", [], parameters, [], 0);
        return Task.FromResult<JsonNode?>(OdooVersion.ToJson());
    }
}
