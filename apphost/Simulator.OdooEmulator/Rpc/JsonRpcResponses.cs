using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Rpc;

/// <summary>Odoo's JSON-RPC response envelopes.</summary>
internal static class JsonRpcResponses
{
    /// <summary><c>{"jsonrpc": "2.0", "id": ..., "result": ...}</c>.</summary>
    public static JsonObject Result(JsonNode? id, JsonNode? result) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id?.DeepClone(),
        ["result"] = result,
    };

    /// <summary>
    /// Odoo's <c>JsonRPCDispatcher.handle_error</c> shape: JSON-RPC code 200 ("arbitrary", says
    /// Odoo), message "Odoo Server Error" and <c>serialize_exception</c>'s data. <c>debug</c> is
    /// where Odoo puts the Python traceback; the emulator puts a one-line reason there.
    /// </summary>
    public static JsonObject Error(JsonNode? id, OdooException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        // As Odoo's handle_error: an expired session and a missing route have codes of their own.
        var (code, message) = error.PythonType switch
        {
            OdooException.SessionExpiredType => (100, "Odoo Session Expired"),
            OdooException.NotFoundType => (404, "404: Not Found"),
            _ => (200, "Odoo Server Error"),
        };
        return new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id?.DeepClone(),
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["data"] = SerializeException(error),
            },
        };
    }

    /// <summary>Odoo's <c>serialize_exception</c>, with a one-line reason where Odoo puts the traceback.</summary>
    public static JsonObject SerializeException(OdooException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new JsonObject
        {
            ["name"] = error.PythonType,
            ["debug"] = $"{error.PythonType}: {error.Message}".ReplaceLineEndings(" ").Trim(),
            ["message"] = error.Message,
            ["arguments"] = new JsonArray(error.Arguments.Select(a => a?.DeepClone()).ToArray()),
            ["context"] = new JsonObject(),
        };
    }
}
