using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Simulator.OdooEmulator.Models;
using Simulator.OdooEmulator.Security;
using Simulator.OdooEmulator.Tenants;
using Simulator.OdooEmulator.Workers;

namespace Simulator.OdooEmulator.Rpc.Json2;

/// <summary>
/// Odoo 19's JSON-2 API, <c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c> with
/// <c>Authorization: bearer &lt;api key&gt;</c>: the body's <c>ids</c> and <c>context</c> are taken
/// out, every other member is a named argument of the method. Success is 200 with the bare
/// result; errors use HTTP status codes (401 bad key, 403 access, 404 unknown model/method or
/// missing record, 405, 422 user and argument errors, 500 others) with Odoo's serialized
/// exception as body.
/// </summary>
internal sealed partial class Json2Handler(
    ApiKeys apiKeys,
    ModelExecutor executor,
    RpcErrorReporter errors,
    TenantDatabases tenants)
{
    /// <summary>The request header naming the database (Odoo 19's JSON-2 API).</summary>
    public const string DatabaseHeader = "X-Odoo-Database";

    public async Task HandleAsync(HttpContext http, string model, string method)
    {
        ArgumentNullException.ThrowIfNull(http);
        var work = OdooWork.Token(http);
        int status;
        JsonNode? body;
        try
        {
            var uid = Authenticate(http);
            if (!HttpMethods.IsPost(http.Request.Method))
            {
                throw OdooException.Http("MethodNotAllowed", 405, "The method is not allowed for the requested URL.");
            }

            SelectDatabase(http);

            var parameters = await ReadBodyAsync(http);
            body = await CallAsync(uid, model, method, parameters, work);
            status = StatusCodes.Status200OK;
        }
        catch (OperationCanceledException) when (work.IsCancellationRequested || http.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            var error = errors.Report(ex);
            if (error.PythonType == "builtins.TypeError")
            {
                // Odoo binds the arguments to the method's signature first and answers a mismatch with 422.
                error = OdooException.Http("UnprocessableEntity", 422, error.Message);
            }

            status = error.Json2Status;
            body = JsonRpcResponses.SerializeException(error);
            if (status == StatusCodes.Status401Unauthorized)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
            }
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.WriteAsync(body?.ToJsonString() ?? "null", http.RequestAborted);
    }

    /// <summary>
    /// Selects the request's database from <c>X-Odoo-Database</c>; without the header, the only database. A
    /// database this node does not serve — or none named while it serves several — is Odoo's 404 for a route that
    /// exists in no database's registry.
    /// </summary>
    private void SelectDatabase(HttpContext http)
    {
        var tenant = http.Request.Headers.TryGetValue(DatabaseHeader, out var database)
            ? tenants.Find(database.ToString())
            : tenants.Default;
        if (tenant is null)
        {
            throw OdooException.Http("NotFound", 404, "The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.");
        }

        tenants.Select(tenant.Name);
    }

    private async Task<JsonNode?> CallAsync(int uid, string modelName, string methodName, JsonObject parameters, CancellationToken cancellationToken)
    {
        OdooModel model;
        try
        {
            model = executor.ResolveModel(modelName);
        }
        catch (OdooException)
        {
            throw OdooException.Http("NotFound", 404, $"the model '{modelName}' does not exist");
        }

        ModelMethod function;
        try
        {
            function = ModelExecutor.ResolveMethod(model, methodName);
        }
        catch (OdooException ex) when (ex.PythonType == "builtins.AttributeError")
        {
            throw OdooException.Http("NotFound", 404, ex.Message);
        }

        var ids = parameters["ids"];
        parameters.Remove("ids");
        var isModelMethod = model.IsModelMethod(methodName);
        if (isModelMethod && PyValues.IsTruthy(ids))
        {
            throw OdooException.Http("UnprocessableEntity", 422, $"cannot call {modelName}.{methodName} with ids");
        }

        JsonArray args = isModelMethod ? [] : [ids?.DeepClone() ?? new JsonArray()];
        return await executor.ExecuteAsync(uid, modelName, function, methodName, args, parameters, cancellationToken);
    }

    /// <summary>Odoo's <c>_auth_method_bearer</c>.</summary>
    private int Authenticate(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var match = BearerToken().Match(header);
        if (!match.Success)
        {
            throw OdooException.Http("Unauthorized", 401, "User not authenticated, use the \"Authorization\" header");
        }

        return apiKeys.Check(match.Groups[1].Value.Trim()) ?? throw OdooException.Http("Unauthorized", 401, "Invalid apikey");
    }

    private static async Task<JsonObject> ReadBodyAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text);
        }
        catch (JsonException ex)
        {
            throw OdooException.Http("BadRequest", 400, $"could not parse the body as json: {ex.Message}");
        }

        return parsed as JsonObject ?? throw OdooException.Http("BadRequest", 400, "could not parse the body, expecting a json object");
    }

    [GeneratedRegex(@"^bearer\s+(.+)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();
}
