using Simulator.OdooEmulator.Rpc;
using Simulator.OdooEmulator.Rpc.Json2;
using Simulator.OdooEmulator.Rpc.XmlRpc;
using Simulator.OdooEmulator.Security;
using Simulator.OdooEmulator.Sessions;
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
        app.UseMiddleware<CommitOriginMiddleware>();
        // Logs the generated JSON-2 key (if none is configured) as the emulator starts, not at first use.
        app.Lifetime.ApplicationStarted.Register(() => app.Services.GetRequiredService<ApiKeys>());
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

        app.MapPost("/web/session/authenticate", (HttpContext http, JsonRpcHandler handler, WebSessionRoutes routes) =>
            handler.HandleAsync(http, (parameters, ct) => routes.AuthenticateAsync(http, parameters, ct)));
        app.MapPost("/web/session/get_session_info", (HttpContext http, JsonRpcHandler handler, WebSessionRoutes routes) =>
            handler.HandleAsync(http, (parameters, ct) => routes.GetSessionInfoAsync(http, parameters, ct)));
        app.MapPost("/web/session/destroy", (HttpContext http, JsonRpcHandler handler, WebSessionRoutes routes) =>
            handler.HandleAsync(http, (parameters, ct) => routes.DestroyAsync(http, parameters, ct)));
        app.MapPost("/web/dataset/call_kw/{**path}", (HttpContext http, JsonRpcHandler handler, WebSessionRoutes routes) =>
            handler.HandleAsync(http, (parameters, ct) => routes.CallKwAsync(http, parameters, ct)));

        // Every verb reaches the route, which answers 405 itself (as Odoo's does) for anything but POST.
        app.Map("/json/2/{model}/{method}", (HttpContext http, string model, string method, Json2Handler handler) =>
            handler.HandleAsync(http, model, method));

        app.MapGet("/web/health", (HttpContext http, DatabaseHealthProbe probe) => HealthEndpoint.HandleAsync(http, probe));
        return app;
    }
}
