using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>A minimal Odoo JSON-RPC client, the way external scripts call Odoo.</summary>
internal sealed class OdooRpcClient(HttpClient http)
{
    private int _nextId;

    public HttpClient Http => http;

    /// <summary>Posts a raw body and returns the HTTP status and parsed response.</summary>
    public async Task<(HttpStatusCode Status, JsonObject Body)> PostRawAsync(string path, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), content);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>
    /// <c>object.execute_kw</c> as the admin user; returns the result and the emulator's <c>X-Sim-Db-Origin</c> header
    /// (null when absent).
    /// </summary>
    public async Task<(JsonNode? Result, string? Origin)> ExecuteKwWithOriginAsync(string model, string method, JsonArray args, JsonObject? kwargs = null)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["params"] = new JsonObject { ["service"] = "object", ["method"] = "execute_kw", ["args"] = ExecuteKwArgs(model, method, args, kwargs) },
            ["id"] = Interlocked.Increment(ref _nextId),
        };
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri("/jsonrpc", UriKind.Relative), content);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(body["error"] is null, $"Unexpected error: {body["error"]?.ToJsonString()}");
        return (body["result"], response.Headers.TryGetValues("X-Sim-Db-Origin", out var values) ? values.Single() : null);
    }

    /// <summary>Calls <c>/jsonrpc</c> and returns the whole response envelope.</summary>
    public async Task<JsonObject> CallEnvelopeAsync(string service, string method, JsonArray args)
    {
        var id = Interlocked.Increment(ref _nextId);
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["params"] = new JsonObject { ["service"] = service, ["method"] = method, ["args"] = args },
            ["id"] = id,
        };
        var (status, body) = await PostRawAsync("/jsonrpc", request.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2.0", (string?)body["jsonrpc"]);
        Assert.Equal(id, (int?)body["id"]);
        return body;
    }

    /// <summary>Calls <c>/jsonrpc</c>; returns the result or fails the test with the error.</summary>
    public async Task<JsonNode?> CallAsync(string service, string method, JsonArray args)
    {
        var body = await CallEnvelopeAsync(service, method, args);
        Assert.True(body["error"] is null, $"Unexpected error: {body["error"]?.ToJsonString()}");
        return body["result"];
    }

    /// <summary><c>object.execute_kw</c> as the configured admin user.</summary>
    public Task<JsonNode?> ExecuteKwAsync(string model, string method, JsonArray args, JsonObject? kwargs = null) =>
        CallAsync("object", "execute_kw", ExecuteKwArgs(model, method, args, kwargs));

    /// <summary><c>object.execute_kw</c> expected to fail; returns the error's <c>data</c>.</summary>
    public async Task<JsonObject> ExecuteKwErrorAsync(string model, string method, JsonArray args, JsonObject? kwargs = null)
    {
        var body = await CallEnvelopeAsync("object", "execute_kw", ExecuteKwArgs(model, method, args, kwargs));
        return OdooAssert.Error(body);
    }

    public static JsonArray ExecuteKwArgs(string model, string method, JsonArray args, JsonObject? kwargs = null, long uid = 2, string password = EmulatorFactory.Password)
    {
        var list = new JsonArray(EmulatorFactory.Database, uid, password, model, method, args);
        if (kwargs is not null)
        {
            list.Add(kwargs);
        }

        return list;
    }
}
