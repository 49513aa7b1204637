using Simulator.Chaos.Tests.Links;

namespace Simulator.Chaos.Tests.Faults;

/// <summary>Network faults over a real mesh of proxies to echo servers; only one-sided or generous timing bounds.</summary>
public sealed class LinkFaultsTests
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Partition_both_ways_makes_requests_time_out_and_heal_restores_them(bool extensions)
    {
        await using var m = await MeshHarness.StartAsync(extensions);
        var faults = new ProxyLinkFaults(m.Mesh);
        using var cut = await m.ConnectAsync(MeshHarness.EuUsPostgres);
        using var other = await m.ConnectAsync(MeshHarness.ApacEuPostgres);
        await Net.RoundTripAsync(cut, "warm");

        var fault = await faults.PartitionAsync(LinkTarget.Parse("eu-us"));

        Assert.Equal([MeshHarness.UsEuPostgres, MeshHarness.EuUsPostgres, MeshHarness.EuUsOdoo], fault.Links);
        await Net.SendAsync(cut, "lost?");
        Assert.True((await Net.ReadOnceAsync(cut, Quiet)).TimedOut);
        using (var fresh = await m.ConnectAsync(MeshHarness.EuUsOdoo))
        {
            await Net.SendAsync(fresh, "new");
            Assert.True((await Net.ReadOnceAsync(fresh, Quiet)).TimedOut);
        }

        await Net.RoundTripAsync(other, "apac still talks to eu");

        await faults.HealAsync(fault);

        Assert.Equal("lost?", await Net.ReadTextAsync(cut, 5));
        await Net.RoundTripAsync(cut, "again");
        foreach (var link in m.Mesh.Links)
        {
            Assert.Empty(await m.ToxicsAsync(link.Name));
        }

        Assert.Empty(faults.Active);
    }

    [Fact]
    public async Task Partition_one_way_along_a_link_holds_the_requests_only()
    {
        await using var m = await MeshHarness.StartAsync();
        var faults = new ProxyLinkFaults(m.Mesh);
        using var socket = await m.ConnectAsync(MeshHarness.EuUsOdoo);

        var fault = await faults.PartitionAsync(LinkTarget.Parse("eu->us:odoo"), PartitionDirection.OneWay);

        await Net.SendAsync(socket, "order");
        Assert.True((await Net.ReadOnceAsync(socket, Quiet)).TimedOut);
        Assert.Equal(0, m.UsOdoo.BytesReceived);
        var toxic = Assert.Single(await m.ToxicsAsync(MeshHarness.EuUsOdoo));
        Assert.Equal((ToxicTypes.Timeout, ToxicDirection.Upstream), (toxic.Type, toxic.Stream));

        await faults.HealAsync(fault);
        Assert.Equal("order", await Net.ReadTextAsync(socket, 5));
    }

    [Fact]
    public async Task Partition_one_way_from_us_to_eu_lets_eu_requests_through_but_holds_the_replies()
    {
        await using var m = await MeshHarness.StartAsync();
        var faults = new ProxyLinkFaults(m.Mesh);
        using var euClient = await m.ConnectAsync(MeshHarness.EuUsOdoo);       // eu clients, us server
        using var usClient = await m.ConnectAsync(MeshHarness.UsEuPostgres);   // us clients, eu server

        // Traffic from us to eu is cut: us requests to eu, and us replies to eu clients.
        var fault = await faults.PartitionAsync(LinkTarget.Between("us", "eu"), PartitionDirection.OneWay);

        await Net.SendAsync(euClient, "scan");
        await Net.SendAsync(usClient, "query");
        Assert.True((await Net.ReadOnceAsync(euClient, Quiet)).TimedOut);
        Assert.True((await Net.ReadOnceAsync(usClient, Quiet)).TimedOut);
        Assert.Equal(4, m.UsOdoo.BytesReceived);          // the eu request reached us; its reply is held
        Assert.Equal(0, m.EuPostgres.BytesReceived);      // the us request never reached eu
        Assert.Equal([MeshHarness.UsEuPostgres, MeshHarness.EuUsPostgres, MeshHarness.EuUsOdoo], fault.Links);

        await faults.HealAsync(fault);
        Assert.Equal("scan", await Net.ReadTextAsync(euClient, 4));
        Assert.Equal("query", await Net.ReadTextAsync(usClient, 5));
    }

    [Fact]
    public async Task Partitioning_a_region_cuts_every_link_into_and_out_of_it_only()
    {
        await using var m = await MeshHarness.StartAsync();
        var faults = new ProxyLinkFaults(m.Mesh);
        using var apac = await m.ConnectAsync(MeshHarness.ApacEuPostgres);
        using var usToEu = await m.ConnectAsync(MeshHarness.UsEuPostgres);

        var fault = await faults.PartitionAsync(LinkTarget.Region("apac"));

        Assert.Equal([MeshHarness.ApacEuPostgres], fault.Links);
        await Net.SendAsync(apac, "x");
        Assert.True((await Net.ReadOnceAsync(apac, Quiet)).TimedOut);
        await Net.RoundTripAsync(usToEu, "fine");
    }

    [Fact]
    public async Task Healing_a_target_heals_only_its_links_and_reports_faults_healed_everywhere()
    {
        await using var m = await MeshHarness.StartAsync();
        var faults = new ProxyLinkFaults(m.Mesh);
        var eu = await faults.PartitionAsync(LinkTarget.Region("eu"));
        var slow = await faults.AddLatencyAsync(LinkTarget.Parse("eu->us:odoo"), TimeSpan.FromMilliseconds(100), TimeSpan.Zero);

        var healed = await faults.HealAsync(LinkTarget.Between("eu", "us"));

        Assert.Equal([slow], healed);
        Assert.Empty(await m.ToxicsAsync(MeshHarness.EuUsOdoo));
        Assert.Empty(await m.ToxicsAsync(MeshHarness.UsEuPostgres));
        Assert.Single(await m.ToxicsAsync(MeshHarness.ApacEuPostgres));
        Assert.Equal([MeshHarness.ApacEuPostgres], Assert.Single(faults.Active).Links);

        healed = await faults.HealAsync(LinkTarget.Region("apac"));

        Assert.Equal(eu.Id, Assert.Single(healed).Id);
        Assert.Empty(faults.Active);
    }

    [Fact]
    public async Task Heal_all_removes_every_fault_even_unknown_ones_and_keeps_the_base_latency()
    {
        await using var m = await MeshHarness.StartAsync();
        await m.Mesh.ApplyLatencyAsync(new LatencyMatrix([new RegionLatency("eu", "us", TimeSpan.FromMilliseconds(80))]));
        var faults = new ProxyLinkFaults(m.Mesh);
        await faults.PartitionAsync(LinkTarget.Region("apac"));
        await faults.ResetAsync(LinkTarget.Link("us", "eu"));
        var elsewhere = new ProxyLinkFaults(m.Mesh);
        await elsewhere.TimeoutAsync(LinkTarget.Link(MeshHarness.EuUsOdoo));

        var healed = await faults.HealAllAsync();

        Assert.Equal(2, healed.Count);
        foreach (var link in m.Mesh.Links)
        {
            Assert.All(await m.ToxicsAsync(link.Name), t => Assert.StartsWith(ProxyMesh.LatencyToxicName, t.Name, StringComparison.Ordinal));
        }

        Assert.Equal(2, (await m.ToxicsAsync(MeshHarness.EuUsOdoo)).Count);
    }

    [Fact]
    public async Task Latency_fault_stacks_on_the_base_latency_and_measurably_delays_a_request()
    {
        await using var m = await MeshHarness.StartAsync();
        await m.Mesh.ApplyLatencyAsync(new LatencyMatrix([new RegionLatency("eu", "us", TimeSpan.FromMilliseconds(40))]));
        var faults = new ProxyLinkFaults(m.Mesh);
        using var socket = await m.ConnectAsync(MeshHarness.EuUsPostgres);

        var fault = await faults.AddLatencyAsync(LinkTarget.Between("eu", "us"), TimeSpan.FromMilliseconds(201), TimeSpan.FromMilliseconds(20));

        var toxics = (await m.ToxicsAsync(MeshHarness.EuUsPostgres)).ToDictionary(t => t.Name);
        Assert.Equal(4, toxics.Count);
        Assert.Equal((ToxicDirection.Downstream, 101L, 10L), (toxics[fault.ToxicName].Stream, toxics[fault.ToxicName].GetInt64("latency"), toxics[fault.ToxicName].GetInt64("jitter")));
        var up = toxics[fault.ToxicName + "_upstream"];
        Assert.Equal((ToxicDirection.Upstream, 100L, 10L), (up.Stream, up.GetInt64("latency"), up.GetInt64("jitter")));
        Assert.InRange(await Net.RoundTripAsync(socket, "slow"), TimeSpan.FromMilliseconds(40 + 201 - 20), TimeSpan.FromSeconds(5));

        await faults.HealAsync(fault);
        Assert.Equal(2, (await m.ToxicsAsync(MeshHarness.EuUsPostgres)).Count);
    }

    [Fact]
    public async Task Reset_fault_resets_connections_as_data_crosses()
    {
        await using var m = await MeshHarness.StartAsync();
        var faults = new ProxyLinkFaults(m.Mesh);
        using var socket = await m.ConnectAsync(MeshHarness.UsEuPostgres);

        await faults.ResetAsync(LinkTarget.Link(MeshHarness.UsEuPostgres));
        await Net.SendAsync(socket, "boom");

        var outcome = await Net.WaitForCloseAsync(socket);
        Assert.True(outcome.Closed);
    }

    [Fact]
    public async Task Timeout_fault_closes_held_connections_after_the_given_time()
    {
        await using var m = await MeshHarness.StartAsync();
        var faults = new ProxyLinkFaults(m.Mesh);
        using var socket = await m.ConnectAsync(MeshHarness.UsEuPostgres);

        var fault = await faults.TimeoutAsync(LinkTarget.Link(MeshHarness.UsEuPostgres), TimeSpan.FromMilliseconds(200));
        await Net.SendAsync(socket, "held");

        Assert.True((await Net.WaitForCloseAsync(socket)).Closed);
        Assert.Equal(0, m.EuPostgres.BytesReceived);
        var toxic = (await m.ToxicsAsync(MeshHarness.UsEuPostgres)).Single(t => t.Name == fault.ToxicName);
        Assert.Equal(200L, toxic.GetInt64("timeout"));
    }

    [Fact]
    public async Task A_target_that_matches_no_link_fails_and_leaves_nothing_behind()
    {
        await using var m = await MeshHarness.StartAsync();
        var faults = new ProxyLinkFaults(m.Mesh);

        await Assert.ThrowsAsync<InvalidOperationException>(() => faults.PartitionAsync(LinkTarget.Region("mars")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => faults.PartitionAsync(LinkTarget.Link("apac", "us"), PartitionDirection.OneWay));
        await Assert.ThrowsAsync<ArgumentException>(() => faults.PartitionAsync(LinkTarget.All, PartitionDirection.OneWay));
        Assert.Empty(faults.Active);
    }
}
