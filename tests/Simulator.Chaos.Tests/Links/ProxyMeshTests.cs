namespace Simulator.Chaos.Tests.Links;

public sealed class ProxyMeshTests : IAsyncLifetime
{
    private MeshHarness _m = null!;

    public async Task InitializeAsync() => _m = await MeshHarness.StartAsync();

    public async Task DisposeAsync() => await _m.DisposeAsync();

    [Fact]
    public async Task Creates_one_proxy_per_link_on_a_free_port_that_reaches_its_upstream()
    {
        Assert.Equal(["apac", "eu", "us"], _m.Mesh.Regions);
        Assert.Equal(4, _m.Mesh.Links.Count);
        var proxies = await _m.Client.GetProxiesAsync();
        foreach (var link in _m.Mesh.Links)
        {
            Assert.Equal("127.0.0.1", link.Host);
            Assert.NotEqual(0, link.Port);
            Assert.Equal(proxies[link.Name.ToString()].Listen, link.Listen);
            Assert.Equal(proxies[link.Name.ToString()].Upstream, link.Upstream);
        }

        Assert.Equal(4, _m.Mesh.Links.Select(l => l.Port).Distinct().Count());
        using var socket = await _m.ConnectAsync(MeshHarness.EuUsOdoo);
        await Net.RoundTripAsync(socket, "hello");
        Assert.Equal(5, _m.UsOdoo.BytesReceived);
        Assert.Equal(0, _m.UsPostgres.BytesReceived);
    }

    [Fact]
    public async Task Creating_again_keeps_the_existing_proxies_and_their_ports()
    {
        var again = await ProxyMesh.CreateAsync(_m.Client, MeshHarness.Links(_m.EuPostgres, _m.UsPostgres, _m.UsOdoo));

        Assert.Equal(_m.Mesh.Links, again.Links);
    }

    [Fact]
    public async Task Attaching_finds_the_links_of_a_running_server_and_ignores_other_proxies()
    {
        await _m.Client.CreateProxyAsync("not-a-link", "127.0.0.1:0", _m.UsOdoo.Address);

        var attached = await ProxyMesh.AttachAsync(_m.Client);

        Assert.Equal(_m.Mesh.Links.OrderBy(l => l.Name.ToString(), StringComparer.Ordinal), attached.Links);
    }

    [Fact]
    public async Task Rejects_a_link_given_twice()
    {
        CrossRegionLink[] links = [new("us", "eu", "postgres", "127.0.0.1:1"), new("us", "eu", "postgres", "127.0.0.1:2")];

        await Assert.ThrowsAsync<ArgumentException>(() => ProxyMesh.CreateAsync(_m.Client, links));
    }

    [Fact]
    public async Task Latency_matrix_puts_half_the_round_trip_on_each_stream_of_every_link_between_the_two_regions()
    {
        var matrix = new LatencyMatrix([new RegionLatency("eu", "us", TimeSpan.FromMilliseconds(80))]) { Jitter = TimeSpan.FromMilliseconds(5) };

        await _m.Mesh.ApplyLatencyAsync(matrix);

        foreach (var link in new[] { MeshHarness.UsEuPostgres, MeshHarness.EuUsPostgres, MeshHarness.EuUsOdoo })
        {
            var toxics = (await _m.ToxicsAsync(link)).ToDictionary(t => t.Name);
            Assert.Equal(2, toxics.Count);
            var replies = toxics[ProxyMesh.LatencyToxicName];
            Assert.Equal((ToxicTypes.Latency, ToxicDirection.Downstream, 40L, 3L), (replies.Type, replies.Stream, replies.GetInt64("latency"), replies.GetInt64("jitter")));
            var requests = toxics[ProxyMesh.LatencyToxicName + "_upstream"];
            Assert.Equal((ToxicTypes.Latency, ToxicDirection.Upstream, 40L, 2L), (requests.Type, requests.Stream, requests.GetInt64("latency"), requests.GetInt64("jitter")));
        }

        // No entry for apac: no base latency there.
        Assert.Empty(await _m.ToxicsAsync(MeshHarness.ApacEuPostgres));
    }

    [Fact]
    public async Task Latency_matrix_delays_a_request_and_its_reply_by_the_round_trip_over_a_real_socket()
    {
        using var socket = await _m.ConnectAsync(MeshHarness.UsEuPostgres);
        await Net.RoundTripAsync(socket, "warm");

        await _m.Mesh.ApplyLatencyAsync(new LatencyMatrix([new RegionLatency("us", "eu", TimeSpan.FromMilliseconds(120))]) { Jitter = TimeSpan.FromMilliseconds(10) });

        // 60 ± 5 on each way: never under 110 ms; the upper bound only guards against a hang.
        for (var i = 0; i < 3; i++)
        {
            Assert.InRange(await Net.RoundTripAsync(socket, "ping"), TimeSpan.FromMilliseconds(110), TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public async Task Applying_another_matrix_replaces_the_base_latency_and_none_clears_it()
    {
        var us = LinkName.Parse("eu->us:postgres");
        await _m.Mesh.ApplyLatencyAsync(new LatencyMatrix([new RegionLatency("eu", "us", TimeSpan.FromMilliseconds(80))]));
        await _m.Mesh.ApplyLatencyAsync(new LatencyMatrix([new RegionLatency("eu", "us", TimeSpan.FromMilliseconds(31)), new RegionLatency("eu", "apac", TimeSpan.FromMilliseconds(150))]));

        var toxics = (await _m.ToxicsAsync(us)).ToDictionary(t => t.Name);
        Assert.Equal(16L, toxics[ProxyMesh.LatencyToxicName].GetInt64("latency"));
        Assert.Equal(15L, toxics[ProxyMesh.LatencyToxicName + "_upstream"].GetInt64("latency"));
        Assert.Equal(2, (await _m.ToxicsAsync(MeshHarness.ApacEuPostgres)).Count);

        await _m.Mesh.ApplyLatencyAsync(LatencyMatrix.None);

        foreach (var link in _m.Mesh.Links)
        {
            Assert.Empty(await _m.ToxicsAsync(link.Name));
        }
    }

    [Fact]
    public async Task Delete_removes_the_links_proxies()
    {
        await _m.Mesh.DeleteAsync();

        Assert.Empty(await _m.Client.GetProxiesAsync());
        await _m.Mesh.DeleteAsync();
    }

    [Fact]
    public async Task A_per_destination_link_gets_the_largest_round_trip_into_its_region_and_no_region_of_its_own()
    {
        var anyToEu = LinkName.Parse("*->eu:etcd-peer");
        var mesh = await ProxyMesh.CreateAsync(_m.Client, [new CrossRegionLink(anyToEu, _m.EuPostgres.Address)]);
        Assert.Equal(["eu"], mesh.Regions);

        await mesh.ApplyLatencyAsync(new LatencyMatrix(
            [new RegionLatency("eu", "us", TimeSpan.FromMilliseconds(80)), new RegionLatency("eu", "apac", TimeSpan.FromMilliseconds(150))]));

        var toxics = (await _m.ToxicsAsync(anyToEu)).ToDictionary(t => t.Name);
        Assert.Equal(75L, toxics[ProxyMesh.LatencyToxicName].GetInt64("latency"));
        Assert.Equal(75L, toxics[ProxyMesh.LatencyToxicName + "_upstream"].GetInt64("latency"));
    }
}
