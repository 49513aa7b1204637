using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>The web client's side of Odoo: JSON-RPC routes with a <c>session_id</c> cookie, and the JSON-2 API.</summary>
internal sealed class OdooWebClient(HttpClient http)
{
    private int _nextId;

    /// <summary>The session cookie last set by the server (or given by the test).</summary>
    public string? SessionId { get; set; }

    /// <summary>Posts a JSON-RPC request to a route and returns the envelope.</summary>
    public async Task<JsonObject> PostAsync(string path, JsonObject parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "call", ["params"] = parameters, ["id"] = id };
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (SessionId is not null)
        {
            message.Headers.Add("Cookie", $"session_id={SessionId}");
        }

        using var response = await http.SendAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (response.Headers.TryGetValues("Set-Cookie", out var cookies))
        {
            foreach (var cookie in cookies.Where(c => c.StartsWith("session_id=", StringComparison.Ordinal)))
            {
                SessionId = cookie["session_id=".Length..].Split(';')[0];
            }
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(id, (int?)body["id"]);
        return body;
    }

    /// <summary><c>/web/session/authenticate</c>; returns the session info.</summary>
    public async Task<JsonObject> AuthenticateAsync(string password = EmulatorFactory.Password)
    {
        var body = await PostAsync("/web/session/authenticate", new JsonObject
        {
            ["db"] = EmulatorFactory.Database,
            ["login"] = EmulatorFactory.Login,
            ["password"] = password,
        });
        Assert.True(body["error"] is null, $"authenticate failed: {body["error"]?.ToJsonString()}");
        return body["result"]!.AsObject();
    }

    /// <summary><c>/web/dataset/call_kw</c>; returns the envelope.</summary>
    public Task<JsonObject> CallKwAsync(string model, string method, JsonArray args, JsonObject? kwargs = null, string path = "/web/dataset/call_kw") =>
        PostAsync(path, new JsonObject { ["model"] = model, ["method"] = method, ["args"] = args, ["kwargs"] = kwargs ?? [] });

    /// <summary>POSTs a JSON-2 request; returns status, body and the WWW-Authenticate header.</summary>
    public async Task<(HttpStatusCode Status, JsonNode? Body, string? Authenticate)> Json2Async(
        string model, string method, JsonObject? body, string? apiKey, HttpMethod? verb = null)
    {
        using var message = new HttpRequestMessage(verb ?? HttpMethod.Post, new Uri($"/json/2/{model}/{method}", UriKind.Relative));
        if (body is not null)
        {
            message.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        if (apiKey is not null)
        {
            message.Headers.Authorization = new AuthenticationHeaderValue("bearer", apiKey);
        }

        using var response = await http.SendAsync(message);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonNode.Parse(text), response.Headers.WwwAuthenticate.FirstOrDefault()?.ToString());
    }
}
