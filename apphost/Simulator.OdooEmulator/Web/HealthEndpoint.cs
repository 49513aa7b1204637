using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Web;

/// <summary>
/// <c>GET /web/health</c>: Odoo's health route, which HAProxy and Aspire poll. Unlike Odoo, which
/// checks the database only when asked (<c>?db_server_status=1</c>), the emulator always does:
/// an emulator without its database is not serving, and 503 takes it out of rotation.
/// </summary>
internal static class HealthEndpoint
{
    public static async Task HandleAsync(HttpContext http, DatabaseHealthProbe probe)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(probe);
        var reachable = await probe.IsReachableAsync(http.RequestAborted);
        var body = new JsonObject { ["status"] = reachable ? "pass" : "fail" };
        if (!reachable || http.Request.Query.ContainsKey("db_server_status"))
        {
            body["db_server_status"] = reachable;
        }

        http.Response.StatusCode = reachable ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        http.Response.ContentType = "application/json";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.WriteAsync(body.ToJsonString(), http.RequestAborted);
    }
}
