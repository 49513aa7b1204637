using System.Net;
using System.Text.Json;

namespace Simulator.Load.Tests.Support;

/// <summary>
/// Odoo's web client routes over a session store that can go down or lose its sessions, as Redis does:
/// <c>/web/session/authenticate</c> sets a <c>session_id</c> cookie, <c>/web/dataset/call_kw/…</c> answers a few
/// reads for a known session, "Odoo Session Expired" for an unknown one, and Redis's ConnectionError while the
/// store is down.
/// </summary>
internal sealed class FakeWebOdoo : HttpMessageHandler
{
    private readonly HashSet<string> _sessions = [];
    private int _logins;

    /// <summary>While true, every session lookup and login fails as Odoo does with Redis down.</summary>
    public bool StoreDown { get; set; }

    /// <summary>Every request's path and the session cookie it carried (null when none).</summary>
    public List<(string Path, string? Session)> Requests { get; } = [];

    /// <summary>The logins that got a session.</summary>
    public int Logins => Volatile.Read(ref _logins);

    /// <summary>Forgets every session, as a Redis restarted without persistence has.</summary>
    public void LoseSessions()
    {
        lock (_sessions)
        {
            _sessions.Clear();
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
        string path = request.RequestUri!.AbsolutePath;
        string? session = request.Headers.TryGetValues("Cookie", out var cookies)
            ? cookies.SelectMany(c => c.Split(';')).Select(c => c.Trim()).Where(c => c.StartsWith("session_id=", StringComparison.Ordinal)).Select(c => c[11..]).SingleOrDefault()
            : null;
        lock (Requests)
        {
            Requests.Add((path, session));
        }

        if (StoreDown)
        {
            return StubHandler.Error(body, "redis.exceptions.ConnectionError", "Error 111 connecting to 127.0.0.1:6379. Connection refused.");
        }

        if (path == "/web/session/authenticate")
        {
            var sid = "s" + Interlocked.Increment(ref _logins);
            lock (_sessions)
            {
                _sessions.Add(sid);
            }

            var answer = StubHandler.Result(body, new { uid = 2, db = body.GetProperty("params").GetProperty("db").GetString() });
            answer.Headers.Add("Set-Cookie", $"session_id={sid}; Expires=Thu, 01 Jan 2099 00:00:00 GMT; Max-Age=604800; HttpOnly; Path=/");
            return answer;
        }

        bool known;
        lock (_sessions)
        {
            known = session is not null && _sessions.Contains(session);
        }

        if (!known)
        {
            return StubHandler.Error(body, "odoo.http.SessionExpiredException", "Session expired");
        }

        var parameters = body.GetProperty("params");
        return (parameters.GetProperty("model").GetString(), parameters.GetProperty("method").GetString(), path) switch
        {
            ("res.partner", "search_read", "/web/dataset/call_kw/res.partner/search_read") => StubHandler.Result(body, new[] { new { id = 7 } }),
            ("sale.order", "search_read", "/web/dataset/call_kw/sale.order/search_read") => StubHandler.Result(body, new[] { new { id = 1, name = "S00001" } }),
            ("sale.order", "read", "/web/dataset/call_kw/sale.order/read") => StubHandler.Result(body, new[] { new { id = 1, order_line = new[] { 101 } } }),
            ("sale.order.line", "read", "/web/dataset/call_kw/sale.order.line/read") => StubHandler.Result(body, new[] { new { id = 101 } }),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }
}
