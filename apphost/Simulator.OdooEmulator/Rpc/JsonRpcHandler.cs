using System.Text.Json;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Diagnostics;

namespace Simulator.OdooEmulator.Rpc;

/// <summary>
/// Serves Odoo's <c>type='json'</c> routes: parses the JSON-RPC envelope, calls the route with
/// <c>params</c> as keyword arguments, and answers HTTP 200 with a result or an Odoo error, never a
/// bare 500. A body that is not JSON-RPC also gets the error envelope (Odoo itself answers that
/// with a plain-text 400), so clients only ever parse one shape.
/// </summary>
internal sealed partial class JsonRpcHandler(
    ExceptionTranslator translator,
    EmulatorMetrics metrics,
    IHostApplicationLifetime lifetime,
    ILogger<JsonRpcHandler> logger)
{
    public async Task HandleAsync(HttpContext http, JsonRpcRoute route)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(route);
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
            // Odoo keeps working on a call whose client went away (and commits it), so the
            // work is bound to the host's lifetime, not to the request.
            var result = await route(parameters, lifetime.ApplicationStopping);
            response = JsonRpcResponses.Result(id, result);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested || http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            var error = translator.Translate(ex);
            metrics.CallFailed(error.PythonType);
            Log(ex, error);
            response = JsonRpcResponses.Error(id, error);
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

    private void Log(Exception exception, OdooException error)
    {
        if (exception is OdooException)
        {
            LogCallError(error.PythonType, error.Message);
        }
        else if (error.PythonType.StartsWith("psycopg2", StringComparison.Ordinal) || error.PythonType.StartsWith("odoo.", StringComparison.Ordinal))
        {
            LogDatabaseError(error.PythonType, error.Message);
        }
        else
        {
            LogUnexpected(exception, error.PythonType);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "RPC error {Name}: {Message}")]
    private partial void LogCallError(string name, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RPC database error {Name}: {Message}")]
    private partial void LogDatabaseError(string name, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "RPC failed unexpectedly, reported as {Name}")]
    private partial void LogUnexpected(Exception exception, string name);
}
