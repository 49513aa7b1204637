using System.Net;
using System.Text;

namespace Simulator.Chaos.Tests;

/// <summary>The typed client: against the server, and against canned answers of older or stock Toxiproxy servers.</summary>
public sealed class ClientTests : IAsyncLifetime
{
    private Harness _h = null!;
    private EchoServer _echo = null!;

    public async Task InitializeAsync()
    {
        _h = await Harness.StartAsync();
        _echo = new EchoServer();
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Fact]
    public async Task Proxy_lifecycle()
    {
        var client = _h.Client;
        Assert.StartsWith("2.", await client.GetVersionAsync(), StringComparison.Ordinal);

        var created = await client.CreateProxyAsync(new ProxyConfig("db", "127.0.0.1:0", _echo.Address));
        Assert.True(created.Enabled);
        Assert.Equal(created, (await client.GetProxiesAsync())["db"] with { Toxics = created.Toxics });

        var disabled = await client.DisableProxyAsync("db");
        Assert.False(disabled.Enabled);
        Assert.True((await client.EnableProxyAsync("db")).Enabled);

        await using var other = new EchoServer();
        var moved = await client.UpdateProxyAsync("db", new ProxyUpdate { Upstream = other.Address });
        Assert.Equal(other.Address, moved.Upstream);

        await client.DeleteProxyAsync("db");
        var missing = await Assert.ThrowsAsync<ToxiproxyException>(() => client.GetProxyAsync("db"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("proxy not found", missing.Message);
    }

    [Fact]
    public async Task Errors_carry_status_and_message()
    {
        await _h.Client.CreateProxyAsync("dup", "127.0.0.1:0", _echo.Address);

        var conflict = await Assert.ThrowsAsync<ToxiproxyException>(() => _h.Client.CreateProxyAsync("dup", "127.0.0.1:0", _echo.Address));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal("proxy already exists", conflict.Message);

        var badType = await Assert.ThrowsAsync<ToxiproxyException>(() => _h.Client.AddToxicAsync("dup", new ToxicSpec("gremlin")));
        Assert.Equal(HttpStatusCode.BadRequest, badType.StatusCode);
    }

    [Fact]
    public async Task Populate_and_reset()
    {
        var proxies = await _h.Client.PopulateAsync([new ProxyConfig("a", "127.0.0.1:0", _echo.Address), new ProxyConfig("b", "127.0.0.1:0", _echo.Address) { Enabled = false }]);

        Assert.Equal(["a", "b"], proxies.Select(p => p.Name));
        Assert.Equal([true, false], proxies.Select(p => p.Enabled));

        await _h.Client.AddLatencyAsync("a", TimeSpan.FromSeconds(1));
        await _h.Client.ResetAsync();
        var after = await _h.Client.GetProxiesAsync();
        Assert.True(after["b"].Enabled);
        Assert.Empty(after["a"].Toxics);
    }

    [Fact]
    public async Task Typed_helpers_send_toxiproxy_attributes()
    {
        var c = _h.Client;
        await c.CreateProxyAsync("p", "127.0.0.1:0", _echo.Address);
        var up = new ToxicOptions { Stream = ToxicDirection.Upstream, Toxicity = 0 };

        var latency = await c.AddLatencyAsync("p", TimeSpan.FromMilliseconds(150), TimeSpan.FromMilliseconds(10), new ToxicOptions { Name = "lag", Toxicity = 0 });
        Assert.Equal(("lag", ToxicTypes.Latency, ToxicDirection.Downstream, 0.0, 150L, 10L),
            (latency.Name, latency.Type, latency.Stream, latency.Toxicity, latency.GetInt64("latency"), latency.GetInt64("jitter")));
        Assert.Equal(64L, (await c.AddBandwidthAsync("p", 64, up)).GetInt64("rate"));
        Assert.Equal(300L, (await c.AddSlowCloseAsync("p", TimeSpan.FromMilliseconds(300), up)).GetInt64("delay"));
        Assert.Equal(250L, (await c.AddTimeoutAsync("p", TimeSpan.FromMilliseconds(250), up)).GetInt64("timeout"));
        Assert.Equal(5L, (await c.AddResetPeerAsync("p", TimeSpan.FromMilliseconds(5), up)).GetInt64("timeout"));
        var slicer = await c.AddSlicerAsync("p", 100, 20, TimeSpan.FromMilliseconds(2), up);
        Assert.Equal((100L, 20L, 2000L), (slicer.GetInt64("average_size"), slicer.GetInt64("size_variation"), slicer.GetInt64("delay")));
        Assert.Equal(4096L, (await c.AddLimitDataAsync("p", 4096, up)).GetInt64("bytes"));
        var blackhole = await c.AddBlackholeAsync("p", new ToxicOptions { Toxicity = 0 });
        Assert.Equal("blackhole_downstream", blackhole.Name);

        var toxics = await c.GetToxicsAsync("p");
        Assert.Equal(8, toxics.Count);
        Assert.Equal(ToxicDirection.Upstream, toxics[0].Stream);

        var updated = await c.UpdateToxicAsync("p", "lag", new Dictionary<string, long> { ["jitter"] = 3 }, toxicity: 0.5);
        Assert.Equal((150L, 3L, 0.5), (updated.GetInt64("latency")!.Value, updated.GetInt64("jitter")!.Value, updated.Toxicity));
        Assert.Equal(updated.Toxicity, (await c.GetToxicAsync("p", "lag")).Toxicity);

        await c.RemoveToxicAsync("p", "lag");
        var gone = await Assert.ThrowsAsync<ToxiproxyException>(() => c.GetToxicAsync("p", "lag"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("toxic not found", gone.Message);
    }

    [Fact]
    public async Task Metrics_are_text()
    {
        await _h.Client.CreateProxyAsync("p", "127.0.0.1:0", _echo.Address);
        Assert.Contains("toxiproxy_proxy_received_bytes_total{", await _h.Client.GetMetricsAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_honour_cancellation()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _h.Client.GetProxiesAsync(cancelled.Token));
    }

    [Fact]
    public async Task Partition_falls_back_to_per_proxy_toxics_on_stock_toxiproxy()
    {
        await using var stock = await Harness.StartAsync(extensions: false);
        var a = await stock.ProxyAsync("a", _echo);
        await stock.ProxyAsync("b", _echo);
        using var socket = await Net.ConnectAsync(a.Listen);

        var cut = await stock.Client.PartitionAsync(["a", "b"]);

        Assert.All(cut, p => Assert.Equal(["partition_upstream", "partition"], p.Toxics.Select(t => t.Name)));
        Assert.All(cut.SelectMany(p => p.Toxics), t => Assert.Equal((ToxicTypes.Timeout, 0L), (t.Type, t.GetInt64("timeout")!.Value)));
        await Net.SendAsync(socket, "x");
        Assert.True((await Net.ReadOnceAsync(socket, TimeSpan.FromMilliseconds(300))).TimedOut);

        // Applying twice updates instead of failing; healing removes both halves.
        await stock.Client.PartitionAsync(["a", "b"]);
        var healed = await stock.Client.HealAsync();
        Assert.All(healed, p => Assert.Empty(p.Toxics));
        Assert.Equal("x", await Net.ReadTextAsync(socket, 1));

        var missing = await Assert.ThrowsAsync<ToxiproxyException>(() => stock.Client.PartitionAsync(["nope"]));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Extension_partition_reports_missing_proxies_without_fallback()
    {
        await _h.Client.CreateProxyAsync("a", "127.0.0.1:0", _echo.Address);

        var missing = await Assert.ThrowsAsync<ToxiproxyException>(() => _h.Client.PartitionAsync(["a", "nope"]));

        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Empty((await _h.Client.GetProxyAsync("a")).Toxics);
    }

    [Fact]
    public async Task Reads_the_older_title_error_format_and_plain_errors()
    {
        using var titled = Stub(_ => Respond(HttpStatusCode.NotFound, "{\"title\":\"proxy not found\",\"status\":404}"));
        var error = await Assert.ThrowsAsync<ToxiproxyException>(() => titled.GetProxyAsync("x"));
        Assert.Equal((HttpStatusCode.NotFound, "proxy not found"), (error.StatusCode, error.Message));

        using var plain = Stub(_ => Respond(HttpStatusCode.Forbidden, "User agent not allowed\n", "text/plain"));
        error = await Assert.ThrowsAsync<ToxiproxyException>(() => plain.GetProxiesAsync());
        Assert.Equal((HttpStatusCode.Forbidden, "User agent not allowed"), (error.StatusCode, error.Message));

        using var empty = Stub(_ => Respond(HttpStatusCode.InternalServerError, ""));
        error = await Assert.ThrowsAsync<ToxiproxyException>(() => empty.ResetAsync());
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Contains("500", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_a_bare_version()
    {
        using var old = Stub(_ => Respond(HttpStatusCode.OK, "2.1.2", "text/plain"));
        Assert.Equal("2.1.2", await old.GetVersionAsync());
    }

    [Fact]
    public async Task Updates_fall_back_to_post_where_patch_is_not_allowed()
    {
        var methods = new List<HttpMethod>();
        using var old = Stub(request =>
        {
            methods.Add(request.Method);
            return request.Method == HttpMethod.Patch
                ? Respond(HttpStatusCode.MethodNotAllowed, "")
                : Respond(HttpStatusCode.OK, "{\"name\":\"p\",\"listen\":\"127.0.0.1:1\",\"upstream\":\"127.0.0.1:2\",\"enabled\":false,\"toxics\":[]}");
        });

        var proxy = await old.DisableProxyAsync("p");

        Assert.False(proxy.Enabled);
        Assert.Equal([HttpMethod.Patch, HttpMethod.Post], methods);
    }

    private static ToxiproxyClient Stub(Func<HttpRequestMessage, HttpResponseMessage> answer) =>
        new(new HttpClient(new StubHandler(answer)) { BaseAddress = new Uri("http://toxiproxy.invalid:8474") });

    private static HttpResponseMessage Respond(HttpStatusCode status, string body, string type = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, type) };

    private sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
