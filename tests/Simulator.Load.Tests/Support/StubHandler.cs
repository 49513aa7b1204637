using System.Net;
using System.Text;
using System.Text.Json;

namespace Simulator.Load.Tests.Support;

/// <summary>An HTTP handler that answers from a delegate and remembers the JSON-RPC requests it got.</summary>
internal sealed class StubHandler(Func<JsonElement, CancellationToken, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public List<(Uri Uri, JsonElement Body)> Requests { get; } = [];

    /// <summary>Each request's <c>X-Odoo-Database</c> header (null when absent), in the order of <see cref="Requests"/>.</summary>
    public List<string?> Databases { get; } = [];

    public static HttpResponseMessage Json(string json, HttpStatusCode status = HttpStatusCode.OK)
        => new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static HttpResponseMessage Result(JsonElement request, object? result)
        => Json(JsonSerializer.Serialize(new { jsonrpc = "2.0", id = request.GetProperty("id").GetInt64(), result }));

    public static HttpResponseMessage Error(JsonElement request, string name, string message)
        => Json(JsonSerializer.Serialize(new
        {
            jsonrpc = "2.0",
            id = request.GetProperty("id").GetInt64(),
            error = new
            {
                code = 200,
                message = "Odoo Server Error",
                data = new { name, debug = "Traceback (most recent call last): ...", message, arguments = new[] { message }, context = new { } },
            },
        }));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        string body = await request.Content!.ReadAsStringAsync(cancellationToken);
        var json = JsonDocument.Parse(body).RootElement.Clone();
        lock (Requests)
        {
            Requests.Add((request.RequestUri!, json));
            Databases.Add(request.Headers.TryGetValues("X-Odoo-Database", out var values) ? values.Single() : null);
        }

        return await respond(json, cancellationToken);
    }
}
