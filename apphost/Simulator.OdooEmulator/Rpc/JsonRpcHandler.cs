using System.Text.Json;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Workers;

namespace Simulator.OdooEmulator.Rpc;

/// <summary>
/// Serves Odoo's <c>type='json'</c> routes: parses the JSON-RPC envelope, calls the route with
/// <c>params</c> as keyword arguments, and answers HTTP 200 with a result or an Odoo error, never a
/// bare 500. A body that is not JSON-RPC also gets the error envelope (Odoo itself answers that
/// with a plain-text 400), so clients only ever parse one shape.
/// </summary>
internal sealed class JsonRpcHandler(RpcErrorReporter errors)
{
    public async Task HandleAsync(HttpContext http, JsonRpcRoute route)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(route);
        // Odoo keeps working on a call whose client went away (and commits it), so the work is
        // bound to the worker (host lifetime, limit_time_real), not to the request.
        var work = OdooWork.Token(http);
        JsonNode? id = null;
        JsonObject response;
        try
        {
            var request = await ReadRequestAsync(http);
            id = request["id"];
            JsonObject parameters = request["params"] switch
            {
                null => [],
                JsonObject given => given,
                _ => throw OdooException.BadRequest("Invalid JSON-RPC data"),
            };
            var result = await route(parameters, work);
            response = JsonRpcResponses.Result(id, result);
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested || http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            response = JsonRpcResponses.Error(id, errors.Report(ex));
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(response.ToJsonString(), http.RequestAborted);
    }

    private static async Task<JsonObject> ReadRequestAsync(HttpContext http)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            throw OdooException.BadRequest("Invalid JSON data");
        }

        return body as JsonObject ?? throw OdooException.BadRequest("Invalid JSON-RPC data");
    }
}
