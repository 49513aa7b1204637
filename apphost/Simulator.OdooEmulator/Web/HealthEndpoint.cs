using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Web;

/// <summary>
/// <c>GET /web/health</c>, as Odoo's: <c>{"status": "pass"}</c> while the server answers at all, which is what an
/// ingress needs to keep a node in rotation (a database outage is every node's, and taking them all out only turns
/// Odoo's errors into the ingress's 503). With <c>?db_server_status=1</c> it also probes the database and answers
/// 500 with <c>"status": "fail"</c> when that fails; Aspire's readiness check asks that way.
/// </summary>
internal static class HealthEndpoint
{
    /// <summary>The query parameter asking for the database probe.</summary>
    public const string DatabaseStatusParameter = "db_server_status";

    public static async Task HandleAsync(HttpContext http, DatabaseHealthProbe probe)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(probe);
        var body = new JsonObject { ["status"] = "pass" };
        var status = StatusCodes.Status200OK;
        if (AsksForDatabase(http.Request.Query))
        {
            var reachable = await probe.IsReachableAsync(http.RequestAborted);
            body["db_server_status"] = reachable;
            if (!reachable)
            {
                body["status"] = "fail";
                status = StatusCodes.Status500InternalServerError;
            }
        }

        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }

    // Odoo receives the parameter as a Python string: any non-empty value (even "0") asks for the probe.
    private static bool AsksForDatabase(IQueryCollection query) =>
        query.TryGetValue(DatabaseStatusParameter, out var values) && values.Any(value => !string.IsNullOrEmpty(value));
}
