using System.Net;
using System.Text.Json;

namespace Simulator.Chaos.Tests;

/// <summary>
/// The HTTP API against Toxiproxy's shapes, defaults, status codes and error bodies, over raw HTTP.
/// </summary>
public sealed class ApiConformanceTests : IAsyncLifetime
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

    private string ProxyJson(string name, string listen = "127.0.0.1:0", bool? enabled = null) =>
        JsonSerializer.Serialize(enabled is null
            ? new Dictionary<string, object> { ["name"] = name, ["listen"] = listen, ["upstream"] = _echo.Address }
            : new Dictionary<string, object> { ["name"] = name, ["listen"] = listen, ["upstream"] = _echo.Address, ["enabled"] = enabled });

    private static void AssertError(HttpStatusCode expected, string message, (HttpStatusCode Status, JsonElement Body) response)
    {
        Assert.Equal(expected, response.Status);
        Assert.StartsWith(message, response.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal((int)expected, response.Body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Version_answers_a_json_version()
    {
        var (status, body) = await _h.SendAsync(HttpMethod.Get, "/version");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("2.", body.GetProperty("version").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_proxy_answers_201_with_the_real_port_and_no_toxics()
    {
        var (status, body) = await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("db"));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal("db", body.GetProperty("name").GetString());
        Assert.Equal(_echo.Address, body.GetProperty("upstream").GetString());
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(0, body.GetProperty("toxics").GetArrayLength());
        var listen = body.GetProperty("listen").GetString()!;
        Assert.StartsWith("127.0.0.1:", listen, StringComparison.Ordinal);
        Assert.NotEqual(0, Net.PortOf(listen));
        Assert.True(await Net.CanConnectAsync(listen));
    }

    [Fact]
    public async Task Create_proxy_defaults_enabled_and_listen()
    {
        var (status, body) = await _h.SendAsync(HttpMethod.Post, "/proxies", $"{{\"name\":\"x\",\"upstream\":\"{_echo.Address}\"}}");

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.StartsWith("127.0.0.1:", body.GetProperty("listen").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_disabled_proxy_does_not_listen()
    {
        var (status, body) = await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("off", enabled: false));

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.Equal("127.0.0.1:0", body.GetProperty("listen").GetString());
    }

    [Fact]
    public async Task Create_proxy_errors()
    {
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("dup"));
        AssertError(HttpStatusCode.Conflict, "proxy already exists", await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("dup")));
        AssertError(HttpStatusCode.BadRequest, "missing required field: name", await _h.SendAsync(HttpMethod.Post, "/proxies", $"{{\"upstream\":\"{_echo.Address}\"}}"));
        AssertError(HttpStatusCode.BadRequest, "missing required field: upstream", await _h.SendAsync(HttpMethod.Post, "/proxies", "{\"name\":\"a\"}"));
        AssertError(HttpStatusCode.BadRequest, "bad request body", await _h.SendAsync(HttpMethod.Post, "/proxies", "{not json"));
        AssertError(HttpStatusCode.BadRequest, "bad request body", await _h.SendAsync(HttpMethod.Post, "/proxies", "{\"name\":\"b\",\"upstream\":\"nohostport\"}"));
        AssertError(HttpStatusCode.BadRequest, "bad request body", await _h.SendAsync(HttpMethod.Post, "/proxies", "{\"name\":\"c\",\"upstream\":\"127.0.0.1:1\",\"enabled\":\"yes\"}"));
    }

    [Fact]
    public async Task Create_proxy_on_a_taken_port_fails_and_creates_nothing()
    {
        var first = await _h.Client.CreateProxyAsync("first", "127.0.0.1:0", _echo.Address);
        var response = await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("second", first.Listen));

        Assert.Equal(HttpStatusCode.InternalServerError, response.Status);
        Assert.Contains("listen", response.Body.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _h.SendAsync(HttpMethod.Get, "/proxies/second")).Status);
    }

    [Fact]
    public async Task List_proxies_is_a_map_by_name()
    {
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("b"));
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("a"));

        var (status, body) = await _h.SendAsync(HttpMethod.Get, "/proxies");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["a", "b"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("a", body.GetProperty("a").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("b").GetProperty("toxics").ValueKind);
    }

    [Fact]
    public async Task Get_proxy_and_missing_proxy()
    {
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("eu->us:postgres"));

        var (status, body) = await _h.SendAsync(HttpMethod.Get, "/proxies/" + Uri.EscapeDataString("eu->us:postgres"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("eu->us:postgres", body.GetProperty("name").GetString());

        AssertError(HttpStatusCode.NotFound, "proxy not found", await _h.SendAsync(HttpMethod.Get, "/proxies/nope"));
    }

    [Fact]
    public async Task Patch_changes_only_the_given_fields()
    {
        var created = await _h.Client.CreateProxyAsync("p", "127.0.0.1:0", _echo.Address);

        var (status, body) = await _h.SendAsync(HttpMethod.Patch, "/proxies/p", "{\"enabled\": false}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(created.Listen, body.GetProperty("listen").GetString());
        Assert.Equal(created.Upstream, body.GetProperty("upstream").GetString());
        Assert.False(await Net.CanConnectAsync(created.Listen));

        // Deprecated POST does the same; re-enabling listens again on the same port.
        (status, body) = await _h.SendAsync(HttpMethod.Post, "/proxies/p", "{\"enabled\": true}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(created.Listen, body.GetProperty("listen").GetString());
        Assert.True(await Net.CanConnectAsync(created.Listen));

        // An empty object changes nothing.
        (status, body) = await _h.SendAsync(HttpMethod.Patch, "/proxies/p", "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(created.Listen, body.GetProperty("listen").GetString());
    }

    [Fact]
    public async Task Patch_upstream_redirects_new_connections()
    {
        await using var other = new EchoServer();
        var created = await _h.Client.CreateProxyAsync("p", "127.0.0.1:0", _echo.Address);

        var (status, body) = await _h.SendAsync(HttpMethod.Patch, "/proxies/p", $"{{\"upstream\": \"{other.Address}\"}}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(other.Address, body.GetProperty("upstream").GetString());
        Assert.True(body.GetProperty("enabled").GetBoolean());
        using var socket = await Net.ConnectAsync(body.GetProperty("listen").GetString()!);
        await Net.RoundTripAsync(socket, "hello");
        Assert.Equal(5, other.BytesReceived);
        Assert.Equal(0, _echo.BytesReceived);
        Assert.Equal(created.Name, body.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Patch_errors()
    {
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("p"));
        AssertError(HttpStatusCode.NotFound, "proxy not found", await _h.SendAsync(HttpMethod.Patch, "/proxies/nope", "{}"));
        AssertError(HttpStatusCode.BadRequest, "bad request body", await _h.SendAsync(HttpMethod.Patch, "/proxies/p", "nope"));
        AssertError(HttpStatusCode.BadRequest, "bad request body", await _h.SendAsync(HttpMethod.Patch, "/proxies/p", "{\"upstream\": \"no-port\"}"));
    }

    [Fact]
    public async Task Delete_proxy_answers_204_then_404()
    {
        var created = await _h.Client.CreateProxyAsync("p", "127.0.0.1:0", _echo.Address);

        var (status, _) = await _h.SendAsync(HttpMethod.Delete, "/proxies/p");
        Assert.Equal(HttpStatusCode.NoContent, status);
        Assert.False(await Net.CanConnectAsync(created.Listen));
        AssertError(HttpStatusCode.NotFound, "proxy not found", await _h.SendAsync(HttpMethod.Delete, "/proxies/p"));
    }

    [Fact]
    public async Task Populate_creates_keeps_matching_and_replaces_differing()
    {
        var config = $"[{ProxyJson("a")},{ProxyJson("b")}]";
        var (status, body) = await _h.SendAsync(HttpMethod.Post, "/populate", config);
        Assert.Equal(HttpStatusCode.Created, status);
        var proxies = body.GetProperty("proxies");
        Assert.Equal(["a", "b"], proxies.EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var listenA = proxies[0].GetProperty("listen").GetString()!;
        var listenB = proxies[1].GetProperty("listen").GetString()!;
        await _h.Client.AddLatencyAsync("a", TimeSpan.FromMilliseconds(10));
        await _h.Client.AddLatencyAsync("b", TimeSpan.FromMilliseconds(10));

        // Same listen (port 0 matches the port it got) and upstream: untouched, toxics kept.
        await using var other = new EchoServer();
        var changed = $"[{ProxyJson("a")},{{\"name\":\"b\",\"listen\":\"127.0.0.1:0\",\"upstream\":\"{other.Address}\"}}]";
        (status, body) = await _h.SendAsync(HttpMethod.Post, "/populate", changed);
        Assert.Equal(HttpStatusCode.Created, status);
        var a = body.GetProperty("proxies")[0];
        var b = body.GetProperty("proxies")[1];
        Assert.Equal(listenA, a.GetProperty("listen").GetString());
        Assert.Equal(1, a.GetProperty("toxics").GetArrayLength());

        // Different upstream: replaced, toxics gone.
        Assert.Equal(other.Address, b.GetProperty("upstream").GetString());
        Assert.Equal(0, b.GetProperty("toxics").GetArrayLength());
        Assert.NotEqual(listenB, b.GetProperty("listen").GetString());
    }

    [Fact]
    public async Task Populate_is_all_or_nothing_on_bad_input()
    {
        var (status, body) = await _h.SendAsync(HttpMethod.Post, "/populate", $"[{ProxyJson("good")},{{\"name\":\"bad\"}}]");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("missing required field: upstream at proxy 2", body.GetProperty("error").GetString());
        Assert.Equal(400, body.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await _h.SendAsync(HttpMethod.Get, "/proxies/good")).Status);

        AssertError(HttpStatusCode.BadRequest, "bad request body", await _h.SendAsync(HttpMethod.Post, "/populate", "{\"name\":\"x\"}"));
        AssertError(HttpStatusCode.BadRequest, "bad request body", await _h.SendAsync(HttpMethod.Post, "/populate", $"[{ProxyJson("d")},{ProxyJson("d")}]"));
    }

    [Fact]
    public async Task Toxic_create_applies_defaults()
    {
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("p"));

        var (status, body) = await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"type\":\"latency\",\"attributes\":{\"latency\":100}}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("latency_downstream", body.GetProperty("name").GetString());
        Assert.Equal("latency", body.GetProperty("type").GetString());
        Assert.Equal("downstream", body.GetProperty("stream").GetString());
        Assert.Equal(1.0, body.GetProperty("toxicity").GetDouble());
        Assert.Equal(100, body.GetProperty("attributes").GetProperty("latency").GetInt64());
        Assert.Equal(0, body.GetProperty("attributes").GetProperty("jitter").GetInt64());

        (status, body) = await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"type\":\"bandwidth\",\"stream\":\"upstream\",\"toxicity\":0.5,\"name\":\"slow\",\"attributes\":{\"rate\":7}}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("slow", body.GetProperty("name").GetString());
        Assert.Equal("upstream", body.GetProperty("stream").GetString());
        Assert.Equal(0.5, body.GetProperty("toxicity").GetDouble());

        // Listed upstream first, then downstream; also on the proxy.
        (status, body) = await _h.SendAsync(HttpMethod.Get, "/proxies/p/toxics");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["slow", "latency_downstream"], body.EnumerateArray().Select(t => t.GetProperty("name").GetString()));
        (_, body) = await _h.SendAsync(HttpMethod.Get, "/proxies/p");
        Assert.Equal(2, body.GetProperty("toxics").GetArrayLength());
    }

    [Fact]
    public async Task Every_toxic_type_reports_its_attributes()
    {
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("p"));
        var expected = new Dictionary<string, string[]>
        {
            ["latency"] = ["latency", "jitter"],
            ["bandwidth"] = ["rate"],
            ["slow_close"] = ["delay"],
            ["timeout"] = ["timeout"],
            ["reset_peer"] = ["timeout"],
            ["slicer"] = ["average_size", "size_variation", "delay"],
            ["limit_data"] = ["bytes"],
            ["blackhole"] = [],
        };

        foreach (var (type, attributes) in expected)
        {
            var (status, body) = await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", $"{{\"type\":\"{type}\",\"toxicity\":0}}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal(attributes, body.GetProperty("attributes").EnumerateObject().Select(a => a.Name));
            Assert.Equal(type + "_downstream", body.GetProperty("name").GetString());
        }
    }

    [Fact]
    public async Task Toxic_errors()
    {
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("p"));
        await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"type\":\"latency\"}");

        AssertError(HttpStatusCode.Conflict, "toxic already exists", await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"type\":\"latency\"}"));
        AssertError(HttpStatusCode.BadRequest, "invalid toxic type", await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"type\":\"gremlin\"}"));
        AssertError(HttpStatusCode.BadRequest, "invalid toxic type", await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"name\":\"x\"}"));
        AssertError(HttpStatusCode.BadRequest, "stream was invalid", await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"type\":\"latency\",\"stream\":\"sideways\"}"));
        AssertError(HttpStatusCode.BadRequest, "bad request body", await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"type\":\"latency\",\"name\":\"l2\",\"attributes\":{\"latency\":\"slow\"}}"));
        AssertError(HttpStatusCode.BadRequest, "bad request body", await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"type\":\"latency\",\"name\":\"l3\",\"toxicity\":2}"));
        AssertError(HttpStatusCode.BadRequest, "bad request body", await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "[]"));
        AssertError(HttpStatusCode.NotFound, "proxy not found", await _h.SendAsync(HttpMethod.Post, "/proxies/nope/toxics", "{\"type\":\"latency\"}"));
        AssertError(HttpStatusCode.NotFound, "proxy not found", await _h.SendAsync(HttpMethod.Get, "/proxies/nope/toxics"));
        AssertError(HttpStatusCode.NotFound, "toxic not found", await _h.SendAsync(HttpMethod.Get, "/proxies/p/toxics/nope"));
        AssertError(HttpStatusCode.NotFound, "toxic not found", await _h.SendAsync(HttpMethod.Patch, "/proxies/p/toxics/nope", "{}"));
        AssertError(HttpStatusCode.NotFound, "toxic not found", await _h.SendAsync(HttpMethod.Delete, "/proxies/p/toxics/nope"));
    }

    [Fact]
    public async Task Toxic_get_update_delete()
    {
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("p"));
        await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"type\":\"latency\",\"toxicity\":0.25,\"attributes\":{\"latency\":100,\"jitter\":5}}");

        var (status, body) = await _h.SendAsync(HttpMethod.Get, "/proxies/p/toxics/latency_downstream");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(100, body.GetProperty("attributes").GetProperty("latency").GetInt64());

        // PATCH merges attributes and keeps toxicity unless given; name, type and stream cannot change.
        (status, body) = await _h.SendAsync(HttpMethod.Patch, "/proxies/p/toxics/latency_downstream", "{\"attributes\":{\"latency\":300},\"type\":\"timeout\",\"stream\":\"upstream\"}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(300, body.GetProperty("attributes").GetProperty("latency").GetInt64());
        Assert.Equal(5, body.GetProperty("attributes").GetProperty("jitter").GetInt64());
        Assert.Equal(0.25, body.GetProperty("toxicity").GetDouble());
        Assert.Equal("latency", body.GetProperty("type").GetString());
        Assert.Equal("downstream", body.GetProperty("stream").GetString());

        // Deprecated POST updates too.
        (status, body) = await _h.SendAsync(HttpMethod.Post, "/proxies/p/toxics/latency_downstream", "{\"toxicity\":1}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1.0, body.GetProperty("toxicity").GetDouble());
        Assert.Equal(300, body.GetProperty("attributes").GetProperty("latency").GetInt64());

        (status, _) = await _h.SendAsync(HttpMethod.Delete, "/proxies/p/toxics/latency_downstream");
        Assert.Equal(HttpStatusCode.NoContent, status);
        (_, body) = await _h.SendAsync(HttpMethod.Get, "/proxies/p/toxics");
        Assert.Equal(0, body.GetArrayLength());
    }

    [Fact]
    public async Task Reset_enables_every_proxy_and_removes_every_toxic()
    {
        var a = await _h.Client.CreateProxyAsync("a", "127.0.0.1:0", _echo.Address);
        await _h.Client.CreateProxyAsync("b", "127.0.0.1:0", _echo.Address);
        await _h.Client.AddLatencyAsync("a", TimeSpan.FromSeconds(1));
        await _h.Client.AddTimeoutAsync("b", TimeSpan.Zero);
        await _h.Client.DisableProxyAsync("a");

        var (status, _) = await _h.SendAsync(HttpMethod.Post, "/reset");

        Assert.Equal(HttpStatusCode.NoContent, status);
        var proxies = await _h.Client.GetProxiesAsync();
        Assert.All(proxies.Values, p => Assert.True(p.Enabled));
        Assert.All(proxies.Values, p => Assert.Empty(p.Toxics));
        Assert.Equal(a.Listen, proxies["a"].Listen);
        Assert.True(await Net.CanConnectAsync(a.Listen));
    }

    [Fact]
    public async Task Metrics_count_bytes_and_connections_per_proxy()
    {
        var proxy = await _h.Client.CreateProxyAsync("m", "127.0.0.1:0", _echo.Address);
        using (var socket = await Net.ConnectAsync(proxy.Listen))
        {
            await Net.RoundTripAsync(socket, "0123456789");
        }

        using var response = await _h.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Contains($"toxiproxy_proxy_received_bytes_total{{direction=\"upstream\",listener=\"{proxy.Listen}\",proxy=\"m\",upstream=\"{_echo.Address}\"}} 10", text, StringComparison.Ordinal);
        Assert.Contains($"toxiproxy_proxy_sent_bytes_total{{direction=\"downstream\",listener=\"{proxy.Listen}\",proxy=\"m\",upstream=\"{_echo.Address}\"}} 10", text, StringComparison.Ordinal);
        Assert.Contains("toxiproxy_proxy_connections_total{proxy=\"m\"} 1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Browsers_are_refused()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/proxies");
        request.Headers.UserAgent.ParseAdd("Mozilla/5.0");
        using var response = await _h.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Partition_extension_applies_and_heals_atomically()
    {
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("a"));
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("b"));
        await _h.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("c"));

        var (status, body) = await _h.SendAsync(HttpMethod.Post, "/x/partition", "{\"proxies\":[\"a\",\"b\"]}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["a", "b"], body.GetProperty("proxies").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        var toxic = body.GetProperty("proxies")[0].GetProperty("toxics")[0];
        Assert.Equal("partition", toxic.GetProperty("name").GetString());
        Assert.Equal("blackhole", toxic.GetProperty("type").GetString());
        Assert.Empty((await _h.Client.GetProxyAsync("c")).Toxics);

        // Applying again replaces (idempotent); a given toxic overrides the default.
        (status, body) = await _h.SendAsync(HttpMethod.Post, "/x/partition", "{\"proxies\":[\"a\",\"b\"],\"toxic\":{\"type\":\"latency\",\"attributes\":{\"latency\":50}}}");
        Assert.Equal(HttpStatusCode.OK, status);
        var replaced = Assert.Single((await _h.Client.GetProxyAsync("b")).Toxics);
        Assert.Equal(("partition", "latency", 50L), (replaced.Name, replaced.Type, replaced.GetInt64("latency")!.Value));

        // Any missing proxy fails the whole call before anything changes.
        AssertError(HttpStatusCode.NotFound, "proxy not found", await _h.SendAsync(HttpMethod.Post, "/x/partition", "{\"proxies\":[\"c\",\"nope\"]}"));
        Assert.Empty((await _h.Client.GetProxyAsync("c")).Toxics);
        AssertError(HttpStatusCode.BadRequest, "missing required field: proxies", await _h.SendAsync(HttpMethod.Post, "/x/partition", "{}"));
        AssertError(HttpStatusCode.BadRequest, "invalid toxic type", await _h.SendAsync(HttpMethod.Post, "/x/partition", "{\"proxies\":[\"a\"],\"toxic\":{\"type\":\"gremlin\"}}"));

        (status, body) = await _h.SendAsync(HttpMethod.Post, "/x/heal", "{\"proxies\":[\"a\"]}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty((await _h.Client.GetProxyAsync("a")).Toxics);
        Assert.Single((await _h.Client.GetProxyAsync("b")).Toxics);

        // No list heals every proxy.
        (status, body) = await _h.SendAsync(HttpMethod.Post, "/x/heal", "{}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(3, body.GetProperty("proxies").GetArrayLength());
        Assert.Empty((await _h.Client.GetProxyAsync("b")).Toxics);
    }

    [Fact]
    public async Task Without_extensions_the_api_is_stock_toxiproxy()
    {
        await using var stock = await Harness.StartAsync(extensions: false);
        await stock.SendAsync(HttpMethod.Post, "/proxies", ProxyJson("p"));

        AssertError(HttpStatusCode.BadRequest, "invalid toxic type", await stock.SendAsync(HttpMethod.Post, "/proxies/p/toxics", "{\"type\":\"blackhole\"}"));
        using var response = await stock.Http.PostAsync("/x/partition", new StringContent("{\"proxies\":[\"p\"]}"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
