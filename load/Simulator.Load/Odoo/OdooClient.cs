using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Simulator.Load.Odoo;

/// <summary>
/// A client of Odoo's external JSON-RPC API: <c>POST {url}/jsonrpc</c> with the envelope
/// <c>{"jsonrpc":"2.0","method":"call","params":{"service","method","args"},"id"}</c>.
/// Errors come out typed: <see cref="OdooRpcException"/> when Odoo answered with an error object (failed),
/// <see cref="OdooTransportException"/> when no usable answer came (failed or unknown outcome, see there).
/// Safe for concurrent calls once <see cref="AuthenticateAsync"/> has completed.
/// </summary>
public sealed class OdooClient : IOdooModelCalls
{
    /// <summary>The response header in which the simulator's Odoo emulator names the server and timeline that committed a write.</summary>
    public const string DbOriginHeader = "X-Sim-Db-Origin";

    /// <summary>
    /// The request header naming the database (Odoo's JSON-2 API reads it; on a server with several databases it
    /// says which one a request is for). Sent with every call once the database is known, beside the RPC's own
    /// <c>db</c> argument, so a proxy or server routing by tenant sees it too.
    /// </summary>
    public const string DatabaseHeader = "X-Odoo-Database";

    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly Uri _baseUrl;
    private readonly TimeProvider _time;
    private readonly OdooClientOptions _options;
    private long _nextId;
    private Session? _session;

    /// <summary>Creates a client.</summary>
    /// <param name="httpClient">The HTTP client to send with (its own timeout should exceed <see cref="OdooClientOptions.RequestTimeout"/>).</param>
    /// <param name="baseUrl">Odoo's base URL, for example a region's ingress <c>http://127.0.0.1:8069</c>.</param>
    /// <param name="timeProvider">The clock request timeouts run on.</param>
    /// <param name="options">Settings; defaults when null.</param>
    public OdooClient(HttpClient httpClient, Uri baseUrl, TimeProvider timeProvider, OdooClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(baseUrl);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _http = httpClient;
        _baseUrl = new Uri(baseUrl.AbsoluteUri.TrimEnd('/') + "/");
        _endpoint = new Uri(_baseUrl, "jsonrpc");
        _time = timeProvider;
        _options = options ?? new OdooClientOptions();
    }

    /// <summary>The JSON-RPC endpoint calls are posted to.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Odoo's base URL, ending with <c>/</c> (the web client's routes hang off it).</summary>
    internal Uri BaseUrl => _baseUrl;

    /// <summary>The clock request timeouts run on; workloads wait on it too, so fake-clock tests control every wait.</summary>
    internal TimeProvider Time => _time;

    /// <summary>The logged-in user's id, or null before <see cref="AuthenticateAsync"/> succeeded.</summary>
    public int? UserId => Volatile.Read(ref _session)?.UserId;

    /// <summary>Logs in through <c>common.authenticate</c> and keeps the session for <c>ExecuteKwAsync</c>.</summary>
    /// <param name="database">The database name.</param>
    /// <param name="login">The user's login.</param>
    /// <param name="password">The user's password or API key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The user's id.</returns>
    /// <exception cref="OdooAuthenticationException">Odoo refused the credentials.</exception>
    public async Task<int> AuthenticateAsync(string database, string login, string password, CancellationToken cancellationToken)
    {
        var (result, _) = await SendAsync(
            "common", "authenticate", [database, login, password, new Dictionary<string, object?>()], null, database, cancellationToken).ConfigureAwait(false);
        if (result.ValueKind != JsonValueKind.Number || !result.TryGetInt32(out int uid))
        {
            throw new OdooAuthenticationException($"Odoo refused the login {login}@{database}.");
        }

        Volatile.Write(ref _session, new Session(database, uid, password));
        return uid;
    }

    /// <summary>Calls a model method through <c>object.execute_kw</c> as the logged-in user.</summary>
    /// <param name="model">The model, for example <c>sale.order</c>.</param>
    /// <param name="method">The method, for example <c>create</c>.</param>
    /// <param name="args">Positional arguments (serialized as JSON by their runtime types).</param>
    /// <param name="kwargs">Keyword arguments; none when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call's <c>result</c>.</returns>
    /// <exception cref="OdooAuthenticationException">No login was made yet.</exception>
    public Task<JsonElement> ExecuteKwAsync(
        string model, string method, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?>? kwargs, CancellationToken cancellationToken)
        => ExecuteKwAsync(model, method, args, kwargs, null, cancellationToken);

    /// <summary>
    /// Calls a model method through <c>object.execute_kw</c> as the logged-in user, adding the request and response
    /// body bytes to <paramref name="meter"/> (an <see cref="IterationContext"/>, so the workload's byte counts include them).
    /// </summary>
    /// <param name="model">The model, for example <c>sale.order</c>.</param>
    /// <param name="method">The method, for example <c>create</c>.</param>
    /// <param name="args">Positional arguments (serialized as JSON by their runtime types).</param>
    /// <param name="kwargs">Keyword arguments; none when null.</param>
    /// <param name="meter">Where to count bytes; none when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call's <c>result</c>.</returns>
    /// <exception cref="OdooAuthenticationException">No login was made yet.</exception>
    public Task<JsonElement> ExecuteKwAsync(
        string model,
        string method,
        IReadOnlyList<object?> args,
        IReadOnlyDictionary<string, object?>? kwargs,
        ITransferMeter? meter,
        CancellationToken cancellationToken)
    {
        var session = Volatile.Read(ref _session)
            ?? throw new OdooAuthenticationException("Call AuthenticateAsync before ExecuteKwAsync.");
        return CallAsync(
            "object",
            "execute_kw",
            [session.Database, session.UserId, session.Password, model, method, args, kwargs ?? new Dictionary<string, object?>()],
            meter,
            cancellationToken);
    }

    /// <summary>Calls <paramref name="service"/>.<paramref name="method"/> with raw arguments.</summary>
    /// <param name="service">The service: <c>common</c>, <c>object</c> or <c>db</c>.</param>
    /// <param name="method">The service's method.</param>
    /// <param name="args">The arguments (serialized as JSON by their runtime types).</param>
    /// <param name="cancellationToken">Cancels the call; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The call's <c>result</c>.</returns>
    public Task<JsonElement> CallAsync(string service, string method, IReadOnlyList<object?> args, CancellationToken cancellationToken)
        => CallAsync(service, method, args, null, cancellationToken);

    /// <summary>Calls <paramref name="service"/>.<paramref name="method"/> with raw arguments, counting body bytes in <paramref name="meter"/>.</summary>
    /// <param name="service">The service: <c>common</c>, <c>object</c> or <c>db</c>.</param>
    /// <param name="method">The service's method.</param>
    /// <param name="args">The arguments (serialized as JSON by their runtime types).</param>
    /// <param name="meter">Where to count the request and response body bytes; none when null.</param>
    /// <param name="cancellationToken">Cancels the call; then <see cref="OperationCanceledException"/> is thrown.</param>
    /// <returns>The call's <c>result</c>.</returns>
    public async Task<JsonElement> CallAsync(
        string service, string method, IReadOnlyList<object?> args, ITransferMeter? meter, CancellationToken cancellationToken)
        => (await SendAsync(service, method, args, meter, Volatile.Read(ref _session)?.Database, cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>
    /// Calls a model method like <see cref="ExecuteKwAsync(string, string, IReadOnlyList{object?}, IReadOnlyDictionary{string, object?}?, ITransferMeter?, CancellationToken)"/>
    /// and also returns which database server and timeline committed the call's write, as the simulator's Odoo
    /// emulator says in <see cref="DbOriginHeader"/> (<c>eu-pg-1/tl2</c>); null from a real Odoo, which does not send it.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="method">The method.</param>
    /// <param name="args">Positional arguments.</param>
    /// <param name="meter">Where to count bytes; none when null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The call's <c>result</c> and the write's origin.</returns>
    /// <exception cref="OdooAuthenticationException">No login was made yet.</exception>
    public async Task<(JsonElement Result, string? Origin)> ExecuteKwWithOriginAsync(
        string model, string method, IReadOnlyList<object?> args, ITransferMeter? meter, CancellationToken cancellationToken)
    {
        var session = Volatile.Read(ref _session)
            ?? throw new OdooAuthenticationException("Call AuthenticateAsync before ExecuteKwWithOriginAsync.");
        return await SendAsync(
            "object",
            "execute_kw",
            [session.Database, session.UserId, session.Password, model, method, args, new Dictionary<string, object?>()],
            meter,
            session.Database,
            cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    Task<JsonElement> IOdooModelCalls.CallKwAsync(
        string model, string method, IReadOnlyList<object?> args, IReadOnlyDictionary<string, object?> kwargs, ITransferMeter? meter, CancellationToken cancellationToken)
        => ExecuteKwAsync(model, method, args, kwargs, meter, cancellationToken);

    private async Task<(JsonElement Result, string? Origin)> SendAsync(
        string service, string method, IReadOnlyList<object?> args, ITransferMeter? meter, string? database, CancellationToken cancellationToken)
    {
        var reply = await PostAsync(
            _endpoint,
            new Dictionary<string, object?> { ["service"] = service, ["method"] = method, ["args"] = args },
            $"{service}.{method}",
            database,
            sessionId: null,
            meter,
            cancellationToken).ConfigureAwait(false);
        return (reply.Result, reply.Origin);
    }

    /// <summary>
    /// Posts one JSON-RPC <c>call</c> with <paramref name="parameters"/> to <paramref name="target"/> (the external API's
    /// <c>/jsonrpc</c>, or a web client route), naming <paramref name="database"/> in <see cref="DatabaseHeader"/> and
    /// sending <paramref name="sessionId"/> as the <c>session_id</c> cookie when given; errors come out typed as for
    /// every call (<paramref name="label"/> names the call in them).
    /// </summary>
    internal async Task<JsonRpcReply> PostAsync(
        Uri target,
        IReadOnlyDictionary<string, object?> parameters,
        string label,
        string? database,
        string? sessionId,
        ITransferMeter? meter,
        CancellationToken cancellationToken)
    {
        long id = Interlocked.Increment(ref _nextId);
        byte[] body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "call",
            ["params"] = parameters,
            ["id"] = id,
        });

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpStatusCode status;
        byte[] payload;
        string? origin;
        string? newSession;
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = Json;
            using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = content };
            if (database is not null)
            {
                request.Headers.Add(DatabaseHeader, database);
            }

            if (sessionId is not null)
            {
                request.Headers.Add("Cookie", WebSessionClient.CookieName + "=" + sessionId);
            }

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token).ConfigureAwait(false);
            status = response.StatusCode;
            origin = response.Headers.TryGetValues(DbOriginHeader, out var values) ? values.FirstOrDefault() : null;
            newSession = WebSessionClient.SessionCookieOf(response.Headers);
            payload = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
            meter?.RecordTransfer(body.Length, payload.Length);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException exception)
        {
            throw new OdooTransportException(
                "timeout", true, $"{label}: no answer within {_options.RequestTimeout.TotalSeconds:0.###} s", null, exception);
        }
        catch (HttpRequestException exception)
        {
            throw Transport(exception, label);
        }
        catch (IOException exception)
        {
            throw new OdooTransportException("connection-lost", true, $"{label}: {exception.Message}", null, exception);
        }

        return new JsonRpcReply(Decode(status, payload, label), origin, newSession);
    }

    private static JsonElement Decode(HttpStatusCode status, byte[] payload, string label)
    {
        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException)
        {
            // Not JSON: judged by the status code below.
        }

        using (document)
        {
            var root = document?.RootElement;
            if (root is { ValueKind: JsonValueKind.Object } envelope)
            {
                if (envelope.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    throw RpcError(error);
                }

                if ((int)status is >= 200 and < 300 && envelope.TryGetProperty("result", out var result))
                {
                    return result.Clone();
                }
            }

            int code = (int)status;
            if (code is >= 200 and < 300)
            {
                throw new OdooTransportException("bad-response", true, $"{label}: the answer is not a JSON-RPC result", code);
            }

            // A gateway error may come after the server processed the request; 503/429 say it was not taken.
            bool unknown = code is 500 or 502 or 504;
            throw new OdooTransportException($"http-{code}", unknown, $"{label}: HTTP {code}", code);
        }
    }

    private static OdooRpcException RpcError(JsonElement error)
    {
        int code = error.TryGetProperty("code", out var c) && c.TryGetInt32(out int value) ? value : 0;
        string message = StringOf(error, "message") ?? "Odoo error";
        string? name = null;
        string? dataMessage = null;
        string? debug = null;
        if (error.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
        {
            name = StringOf(data, "name");
            dataMessage = StringOf(data, "message");
            debug = StringOf(data, "debug");
        }

        return new OdooRpcException(name, message, code, dataMessage, debug);
    }

    private static string? StringOf(JsonElement element, string property)
        => element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static OdooTransportException Transport(HttpRequestException exception, string label)
    {
        // Errors while establishing the connection mean the request was never sent; anything later may have been processed.
        var (kind, unknown) = exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => ("name-resolution", false),
            HttpRequestError.ConnectionError => ("connection-refused", false),
            HttpRequestError.SecureConnectionError => ("tls", false),
            HttpRequestError.ProxyTunnelError => ("proxy", false),
            _ => ("connection-lost", true),
        };
        return new OdooTransportException(kind, unknown, $"{label}: {exception.Message}", null, exception);
    }

    private sealed record Session(string Database, int UserId, string Password);
}
