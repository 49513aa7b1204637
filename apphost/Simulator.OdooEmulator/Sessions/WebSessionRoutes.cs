using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Models;
using Simulator.OdooEmulator.Rpc;
using Simulator.OdooEmulator.Security;
using Simulator.OdooEmulator.Tenants;

namespace Simulator.OdooEmulator.Sessions;

/// <summary>
/// The web client's JSON-RPC routes: <c>/web/session/authenticate</c> (sets the
/// <c>session_id</c> cookie), <c>/web/session/get_session_info</c>, <c>/web/session/destroy</c>
/// and <c>/web/dataset/call_kw</c>, which runs a model method as the session's user.
/// </summary>
internal sealed class WebSessionRoutes(
    Credentials credentials,
    ISessionStore store,
    ModelExecutor executor,
    OdooEmulatorOptions options,
    TenantDatabases tenants)
{
    /// <summary>The cookie carrying the session id.</summary>
    public const string CookieName = "session_id";

    private static readonly string[] AuthenticateParameters = ["db", "login", "password", "base_location"];
    private static readonly string[] CallKwParameters = ["model", "method", "args", "kwargs", "path"];

    public async Task<JsonNode?> AuthenticateAsync(HttpContext http, JsonObject parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        var args = CallArguments.Bind("authenticate", [], parameters, AuthenticateParameters, 3);
        var db = PyValues.AsString(args[0]);
        if (tenants.Find(db) is null)
        {
            throw OdooException.AccessError("Database not found.");
        }

        var login = PyValues.AsString(args[1]);
        var uid = await credentials.AuthenticateAsync(db, login, PyValues.AsString(args[2]), cancellationToken)
            ?? throw OdooException.AccessDenied();
        var session = new WebSession(SessionIds.New(), uid, login!, db!);
        await store.SaveAsync(session, cancellationToken);
        http.Response.Cookies.Append(CookieName, session.Sid, new CookieOptions
        {
            HttpOnly = true,
            MaxAge = RedisSessionStore.Lifetime,
            Path = "/",
            SameSite = SameSiteMode.Lax,
        });
        return SessionInfo(session);
    }

    public async Task<JsonNode?> GetSessionInfoAsync(HttpContext http, JsonObject parameters, CancellationToken cancellationToken)
    {
        CallArguments.Bind("get_session_info", [], parameters, [], 0);
        return SessionInfo(await RequireSessionAsync(http, cancellationToken));
    }

    public async Task<JsonNode?> DestroyAsync(HttpContext http, JsonObject parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        CallArguments.Bind("destroy", [], parameters, [], 0);
        if (http.Request.Cookies.TryGetValue(CookieName, out var sid) && !string.IsNullOrEmpty(sid))
        {
            await store.DeleteAsync(sid, cancellationToken);
        }

        return null;
    }

    /// <summary><c>/web/dataset/call_kw[/&lt;path&gt;]</c>: <c>call_kw(model, method, args, kwargs)</c> as the session's user.</summary>
    public async Task<JsonNode?> CallKwAsync(HttpContext http, JsonObject parameters, CancellationToken cancellationToken)
    {
        var session = await RequireSessionAsync(http, cancellationToken);
        // The session's database serves the call, as Odoo opens the session's registry (selected here, not in the
        // awaited helper above: a selection made inside an async method ends with it).
        tenants.Select(session.Db);
        var args = CallArguments.Bind("call_kw", [], parameters, CallKwParameters, 4);
        var model = PyValues.AsString(args[0]) ?? PyValues.Repr(args[0]);
        var method = PyValues.AsString(args[1]) ?? PyValues.Repr(args[1]);
        var callArgs = args[2] as JsonArray
            ?? throw OdooException.TypeError($"argument after * must be an iterable, not {PyValues.PyTypeName(args[2])}");
        var callKwargs = PyValues.IsFalseOrNull(args[3])
            ? []
            : args[3] as JsonObject ?? throw OdooException.TypeError($"argument after ** must be a mapping, not {PyValues.PyTypeName(args[3])}");
        return await executor.ExecuteAsync(session.Uid, model, method, callArgs, callKwargs, cancellationToken);
    }

    /// <summary>The request's session; Odoo's <c>SessionExpiredException</c> for <c>auth='user'</c> routes without one.</summary>
    private async Task<WebSession> RequireSessionAsync(HttpContext http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!http.Request.Cookies.TryGetValue(CookieName, out var sid) || string.IsNullOrEmpty(sid))
        {
            throw OdooException.SessionExpired();
        }

        if (await store.GetAsync(sid, cancellationToken) is not { } session || tenants.Find(session.Db) is null)
        {
            throw OdooException.SessionExpired();
        }

        return session;
    }

    /// <summary>A subset of Odoo's <c>ir.http.session_info()</c>.</summary>
    private JsonObject SessionInfo(WebSession session) => new()
    {
        ["uid"] = session.Uid,
        ["is_system"] = true,
        ["is_admin"] = true,
        ["user_context"] = new JsonObject { ["lang"] = "en_US", ["tz"] = "UTC", ["uid"] = session.Uid },
        ["db"] = session.Db,
        ["server_version"] = OdooVersion.ServerVersion,
        ["server_version_info"] = OdooVersion.ToJson()["server_version_info"]!.DeepClone(),
        ["name"] = "Administrator",
        ["username"] = session.Login,
        ["partner_display_name"] = "Administrator",
        ["company_id"] = 1,
        ["user_companies"] = false,
        ["web.base.url"] = "",
        ["warehouse_code"] = Database.StockSeeder.WarehouseCode(options.Region),
    };
}
