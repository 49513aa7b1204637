using System.Text.Json.Nodes;


namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>Assertions on Odoo's JSON-RPC shapes.</summary>
internal static class OdooAssert
{
    /// <summary>
    /// Checks the envelope is Odoo's error shape exactly and returns <c>error.data</c>.
    /// </summary>
    public static JsonObject Error(JsonObject body, string? expectedName = null)
    {
        Assert.Null(body["result"]);
        var error = Assert.IsType<JsonObject>(body["error"]);
        Assert.Equal(200, (int?)error["code"]);
        Assert.Equal("Odoo Server Error", (string?)error["message"]);
        var data = Assert.IsType<JsonObject>(error["data"]);
        Assert.Equal(["arguments", "context", "debug", "message", "name"], data.Select(p => p.Key).Order());
        Assert.IsType<JsonArray>(data["arguments"]);
        Assert.Empty(Assert.IsType<JsonObject>(data["context"]));
        var debug = (string)data["debug"]!;
        Assert.DoesNotContain('\n', debug);
        // A one-line reason, never a .NET stack trace.
        Assert.DoesNotMatch(@"\bat [\w.`<>]+\.[\w<>]+\(", debug);
        Assert.StartsWith((string)data["name"]! + ": ", debug, StringComparison.Ordinal);
        if (expectedName is not null)
        {
            Assert.Equal(expectedName, (string?)data["name"]);
        }

        return data;
    }

    public static string Name(JsonObject data) => (string)data["name"]!;

    public static string Message(JsonObject data) => (string)data["message"]!;
}
