using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Odoo;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Odoo;

public class WebBrowseWorkloadTests
{
    private static readonly OdooCredentials Credentials = new("acme", "admin", "secret");

    [Fact]
    public async Task A_browser_user_keeps_its_session_fails_while_the_store_is_down_and_logs_in_again_once_it_expired()
    {
        var time = new FakeTimeProvider();
        var odoo = new FakeWebOdoo();
        var client = new OdooClient(new HttpClient(odoo), new Uri("http://127.0.0.1:8069"), time);
        var workload = new WebBrowseWorkload(client, Credentials, new PortalBrowseOptions { CustomerLimit = 1, PageSize = 5, Pages = 1 });
        // One user browsing every 200 ms: iterations one after another, so each phase below is seen whole.
        var plan = new LoadPlan(
            TimeSpan.FromSeconds(6),
            [new WorkloadPlan(WebBrowseWorkload.DefaultName, "eu", new ConstantConcurrency(1) { ThinkTime = TimeSpan.FromMilliseconds(200) })]) { Seed = 5 };

        var run = LoadRun.RunAsync(plan, [workload], time, CancellationToken.None);
        await time.AdvanceAsync(TimeSpan.FromSeconds(2));
        var firstSession = workload.SessionId;
        odoo.StoreDown = true;                // Redis killed: sessions cannot be read, nobody can log in
        await time.AdvanceAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(firstSession, workload.SessionId);
        odoo.LoseSessions();                  // Redis back, empty
        odoo.StoreDown = false;
        await time.AdvanceAsync(TimeSpan.FromSeconds(3));
        var result = await run.Guarded();

        var w = result.Workloads[0];
        // While down: Odoo's own error; once back: the session is gone exactly once, then a new login carries on.
        Assert.True(w.ErrorKinds.GetValueOrDefault("redis.exceptions.ConnectionError") >= 5, string.Join(", ", w.ErrorKinds));
        Assert.Equal(1, w.ErrorKinds.GetValueOrDefault(WebSessionExpiredException.Kind));
        Assert.Equal(2, w.ErrorKinds.Count);
        Assert.Equal(w.Failed, w.ErrorKinds.Values.Sum());
        Assert.Equal(2, odoo.Logins);
        Assert.Equal(1, w.Operations.Single(o => o.Name == "web.login").Ok);
        Assert.True(w.Ok > 10, $"ok {w.Ok}");
        Assert.Equal(["web.lines", "web.list", "web.login", "web.read"], w.Operations.Select(o => o.Name).Order(StringComparer.Ordinal));

        // Every call_kw carries the session: the first login's before the expiry, the second login's after it.
        var calls = odoo.Requests.Where(r => r.Path.StartsWith("/web/dataset/call_kw/", StringComparison.Ordinal)).ToList();
        Assert.All(calls, c => Assert.NotNull(c.Session));
        Assert.Equal(["s1", "s2"], calls.Select(c => c.Session).Distinct());
        Assert.Equal("s2", workload.SessionId);
        // The session was kept while the store was down (Odoo's error is no logout): two logins in all.
        Assert.Equal(2, odoo.Requests.Count(r => r.Path == "/web/session/authenticate"));
    }

    [Fact]
    public async Task A_call_without_a_session_cookie_answered_session_expired_forgets_the_session_and_counts_its_own_kind()
    {
        var odoo = new FakeWebOdoo();
        var web = new WebSessionClient(new OdooClient(new HttpClient(odoo), new Uri("http://127.0.0.1:8069/"), TimeProvider.System));

        await Assert.ThrowsAsync<OdooAuthenticationException>(() => web.CallKwAsync("sale.order", "read", [new[] { 1 }], new Dictionary<string, object?>(), null, CancellationToken.None));
        Assert.True(await web.EnsureSessionAsync(Credentials, null, CancellationToken.None));
        Assert.False(await web.EnsureSessionAsync(Credentials, null, CancellationToken.None));
        Assert.Equal("s1", web.SessionId);

        odoo.LoseSessions();
        var expired = await Assert.ThrowsAsync<WebSessionExpiredException>(
            () => web.CallKwAsync("sale.order", "read", [new[] { 1 }], new Dictionary<string, object?>(), null, CancellationToken.None));
        Assert.Equal("session-expired", expired.ErrorKind);
        Assert.False(expired.OutcomeUnknown);
        Assert.Null(web.SessionId);
        Assert.Equal(("/web/dataset/call_kw/sale.order/read", "s1"), odoo.Requests[^1]);
    }
}
