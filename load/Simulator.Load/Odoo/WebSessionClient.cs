using System.Net.Http.Headers;
using System.Text.Json;

namespace Simulator.Load.Odoo;

/// <summary>
/// Odoo as a browser uses it: logs in through <c>/web/session/authenticate</c>, keeps the <c>session_id</c> cookie,
/// and calls model methods through <c>/web/dataset/call_kw/&lt;model&gt;/&lt;method&gt;</c> with it. The session lives on
/// the server (in Odoo's session store: Redis in the simulated SaaS), so a call can find it gone: Odoo answers
/// <c>odoo.http.SessionExpiredException</c> ("Odoo Session Expired"), which comes out as a
/// <see cref="WebSessionExpiredException"/> and forgets the session, so the next <see cref="EnsureSessionAsync"/> logs
/// in again. Sends through an <see cref="OdooClient"/> (its HTTP client, timeouts and typed errors). Safe for
/// concurrent calls: they share one session, as a browser's tabs do (calls that find none at the same time each log
/// in, as tabs reloaded together would; the last session wins).
/// </summary>
public sealed class WebSessionClient : IOdooModelCalls
{
    /// <summary>The cookie carrying Odoo's web session id.</summary>
    public const string CookieName = "session_id";

    /// <summary>The name of Odoo's error for a request whose session is unknown or gone.</summary>
    public const string SessionExpiredError = "odoo.http.SessionExpiredException";

    private readonly OdooClient _client;
    private string? _sessionId;
    private string? _database;

    /// <summary>Creates a client sending through <paramref name="client"/>.</summary>
    /// <param name="client">The Odoo client whose base URL, HTTP client and timeouts are used.</param>
    public WebSessionClient(OdooClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <summary>The current session id, or null before a login or after the session expired.</summary>
    public string? SessionId => Volatile.Read(ref _sessionId);

    /// <summary>Logs in through <c>/web/session/authenticate</c> unless a session is held; returns whether this call logged in.</summary>
    /// <param name="credentials">Database, login and password.</param>
    /// <param name="meter">Where to count bytes; none when null.</param>
    /// <param name="cancellationToken">Cancels the login.</param>
    /// <exception cref="OdooAuthenticationException">Odoo answered without a user or without a session cookie.</exception>
    public async Task<bool> EnsureSessionAsync(OdooCredentials credentials, ITransferMeter? meter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (SessionId is not null)
        {
            return false;
        }

        var reply = await _client.PostAsync(
            new Uri(_client.BaseUrl, "web/session/authenticate"),
            new Dictionary<string, object?> { ["db"] = credentials.Database, ["login"] = credentials.Login, ["password"] = credentials.Password },
            "session.authenticate",
            credentials.Database,
            sessionId: null,
            meter,
            cancellationToken).ConfigureAwait(false);
        bool hasUser = reply.Result.ValueKind == JsonValueKind.Object
            && reply.Result.TryGetProperty("uid", out var uid) && uid.ValueKind == JsonValueKind.Number;
        if (!hasUser || reply.SessionId is null)
        {
            throw new OdooAuthenticationException($"Odoo gave no web session to {credentials.Login}@{credentials.Database}.");
        }

        Volatile.Write(ref _database, credentials.Database);
        Volatile.Write(ref _sessionId, reply.SessionId);
        return true;
    }

    /// <summary>Calls <paramref name="model"/>.<paramref name="method"/> through <c>/web/dataset/call_kw</c> with the session.</summary>
    /// <param name="model">The model, for example <c>sale.order</c>.</param>
    /// <param name="method">The method, for example <c>search_read</c>.</param>
    /// <param name="args">Positional arguments.</param>
    /// <param name="kwargs">Keyword arguments.</param>
    /// <param name="meter">Where to count bytes; none when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call's <c>result</c>.</returns>
    /// <exception cref="OdooAuthenticationException">No session is held.</exception>
    /// <exception cref="WebSessionExpiredException">Odoo no longer knows the session (it is forgotten here).</exception>
    public async Task<JsonElement> CallKwAsync(
        string model, string method, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> kwargs, ITransferMeter? meter, CancellationToken cancellationToken)
    {
        var session = SessionId ?? throw new OdooAuthenticationException("Call EnsureSessionAsync before CallKwAsync.");
        try
        {
            var reply = await _client.PostAsync(
                new Uri(_client.BaseUrl, $"web/dataset/call_kw/{model}/{method}"),
                new Dictionary<string, object?> { ["model"] = model, ["method"] = method, ["args"] = args, ["kwargs"] = kwargs },
                $"{model}.{method}",
                Volatile.Read(ref _database),
                session,
                meter,
                cancellationToken).ConfigureAwait(false);
            return reply.Result;
        }
        catch (OdooRpcException exception) when (exception.OdooName == SessionExpiredError)
        {
            // Only this session: a concurrent call may already have logged in again.
            Interlocked.CompareExchange(ref _sessionId, null, session);
            throw new WebSessionExpiredException($"{model}.{method}: Odoo Session Expired", exception);
        }
    }

    /// <summary>The <c>session_id</c> a response sets, or null.</summary>
    internal static string? SessionCookieOf(HttpResponseHeaders headers) =>
        headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies
                .Select(c => c.Split(';', 2)[0].Trim())
                .Where(c => c.StartsWith(CookieName + "=", StringComparison.Ordinal))
                .Select(c => c[(CookieName.Length + 1)..])
                .LastOrDefault(v => v.Length > 0)
            : null;
}
