using Simulator.OdooEmulator.Rpc;
using Simulator.OdooEmulator.Rpc.XmlRpc;
using Simulator.OdooEmulator.Web;
using Simulator.OdooEmulator.Workers;

namespace Simulator.OdooEmulator.Hosting;

/// <summary>Maps the emulator's HTTP endpoints.</summary>
internal static class OdooEmulatorEndpointExtensions
{
    public static WebApplication MapOdooEmulator(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<WorkerPoolMiddleware>();
        app.MapPost("/jsonrpc", (HttpContext http, JsonRpcHandler handler, RpcDispatcher dispatcher) =>
            handler.HandleAsync(http, (parameters, ct) => JsonRpcRoutes.JsonRpcAsync(dispatcher, parameters, ct)));

        // Odoo serves version_info as a JSON-RPC route (POST). GET is an emulator convenience for
        // probes and curl, answering the same envelope.
        app.MapPost("/web/webclient/version_info", (HttpContext http, JsonRpcHandler handler) =>
            handler.HandleAsync(http, (parameters, _) => JsonRpcRoutes.VersionInfoAsync(parameters)));
        app.MapGet("/web/webclient/version_info", (HttpContext http) =>
            http.Response.WriteAsJsonAsync(JsonRpcResponses.Result(null, OdooVersion.ToJson())));

        app.MapPost("/xmlrpc/2/{service}", (HttpContext http, string service, XmlRpcHandler handler) =>
            handler.HandleAsync(http, service, intFaults: true));
        app.MapPost("/xmlrpc/{service}", (HttpContext http, string service, XmlRpcHandler handler) =>
            handler.HandleAsync(http, service, intFaults: false));

        app.MapGet("/web/health", (HttpContext http, DatabaseHealthProbe probe) => HealthEndpoint.HandleAsync(http, probe));
        return app;
    }
}
