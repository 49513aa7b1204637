using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Simulator.Chaos.Tests;

/// <summary>
/// What each toxic does to real loopback connections through the proxy to an echo server. Timing bounds
/// are one-sided or generous: the machine has two shared cores.
/// </summary>
public sealed class ToxicBehaviourTests : IAsyncLifetime
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(400);

    private Harness _h = null!;
    private EchoServer _echo = null!;
    private ProxyInfo _proxy = null!;

    public async Task InitializeAsync()
    {
        _h = await Harness.StartAsync();
        _echo = new EchoServer();
        _proxy = await _h.ProxyAsync("link", _echo);
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _echo.DisposeAsync();
    }

    private ToxiproxyClient Client => _h.Client;

    [Fact]
    public async Task Without_toxics_data_passes_both_ways()
    {
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        var payload = new byte[200_000];
        Random.Shared.NextBytes(payload);

        var send = socket.SendAsync(payload, SocketFlags.None);
        var echoed = await Net.ReadExactlyAsync(socket, payload.Length);
        await send;

        Assert.Equal(payload, echoed);
        Assert.Equal(payload.Length, _echo.BytesReceived);
    }

    [Fact]
    public async Task Latency_delays_an_already_open_connection_and_stops_when_removed()
    {
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        await Net.RoundTripAsync(socket, "warm");

        await Client.AddLatencyAsync("link", TimeSpan.FromMilliseconds(300));
        var delayed = await Net.RoundTripAsync(socket, "slow");
        Assert.InRange(delayed, TimeSpan.FromMilliseconds(295), TimeSpan.FromSeconds(3));

        await Client.AddLatencyAsync("link", TimeSpan.FromMilliseconds(200), options: new ToxicOptions { Stream = ToxicDirection.Upstream });
        var both = await Net.RoundTripAsync(socket, "both");
        Assert.InRange(both, TimeSpan.FromMilliseconds(495), TimeSpan.FromSeconds(4));

        await Client.RemoveToxicAsync("link", "latency_downstream");
        await Client.RemoveToxicAsync("link", "latency_upstream");
        var fast = await Net.RoundTripAsync(socket, "fast");
        Assert.True(fast < TimeSpan.FromMilliseconds(250), $"round trip after removal took {fast}");
    }

    [Fact]
    public async Task Latency_applies_to_new_connections_and_is_pipelined()
    {
        await Client.AddLatencyAsync("link", TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(20));
        using var socket = await Net.ConnectAsync(_proxy.Listen);

        // Five messages sent back to back each take the latency once, not five times in a row.
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await Net.SendAsync(socket, "ping!");
            await Task.Delay(10);
        }

        await Net.ReadExactlyAsync(socket, 25);
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(230), TimeSpan.FromMilliseconds(1000));
    }

    [Fact]
    public async Task Updating_a_toxic_changes_open_connections()
    {
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        await Client.AddLatencyAsync("link", TimeSpan.FromMilliseconds(100));
        Assert.True(await Net.RoundTripAsync(socket, "a") >= TimeSpan.FromMilliseconds(95));

        await Client.UpdateToxicAsync("link", "latency_downstream", new Dictionary<string, long> { ["latency"] = 400 });
        Assert.True(await Net.RoundTripAsync(socket, "b") >= TimeSpan.FromMilliseconds(395));
    }

    [Fact]
    public async Task Bandwidth_limits_throughput()
    {
        await Client.AddBandwidthAsync("link", 100);
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        var payload = new byte[60_000];

        var watch = Stopwatch.StartNew();
        await socket.SendAsync(payload, SocketFlags.None);
        await Net.ReadExactlyAsync(socket, payload.Length);

        // 60 KB at 100 KB/s takes 0.6 s.
        Assert.InRange(watch.Elapsed, TimeSpan.FromMilliseconds(550), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task Timeout_holds_data_then_closes()
    {
        await Client.AddTimeoutAsync("link", TimeSpan.FromMilliseconds(400));
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        var watch = Stopwatch.StartNew();
        await Net.SendAsync(socket, "anyone?");

        var outcome = await Net.WaitForCloseAsync(socket);

        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(350), $"closed after {watch.Elapsed}");
        Assert.Empty(outcome.Data);
    }

    [Fact]
    public async Task Timeout_zero_holds_data_until_removed()
    {
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        await Client.AddTimeoutAsync("link", TimeSpan.Zero);
        await Net.SendAsync(socket, "held");

        var early = await Net.ReadOnceAsync(socket, Quiet);
        Assert.True(early.TimedOut, "data passed a timeout toxic or the connection closed");

        await Client.RemoveToxicAsync("link", "timeout_downstream");
        Assert.Equal("held", await Net.ReadTextAsync(socket, 4));
    }

    [Fact]
    public async Task Reset_peer_resets_the_connection()
    {
        await Client.AddResetPeerAsync("link", TimeSpan.FromMilliseconds(100));
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        var watch = Stopwatch.StartNew();
        await Net.SendAsync(socket, "hello");

        var outcome = await Net.WaitForCloseAsync(socket);

        Assert.Equal(SocketError.ConnectionReset, outcome.Error);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(95), $"reset after {watch.Elapsed}");
    }

    [Fact]
    public async Task Slicer_splits_data_into_delayed_pieces()
    {
        await Client.AddSlicerAsync("link", 10, 0, TimeSpan.FromMilliseconds(20));
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        var payload = Encoding.ASCII.GetBytes(new string('x', 50) + new string('y', 50));

        var watch = Stopwatch.StartNew();
        await socket.SendAsync(payload, SocketFlags.None);
        var received = new List<byte>();
        var reads = 0;
        while (received.Count < payload.Length)
        {
            var outcome = await Net.ReadOnceAsync(socket, Net.Patience);
            Assert.True(outcome.Read > 0, "connection ended early");
            received.AddRange(outcome.Data);
            reads++;
        }

        Assert.Equal(payload, received);
        Assert.True(reads >= 3, $"only {reads} reads: the data was not split");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(170), $"took {watch.Elapsed} for 9 gaps of 20 ms");
    }

    [Fact]
    public async Task Limit_data_closes_after_the_limit()
    {
        await Client.AddLimitDataAsync("link", 10);
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        await Net.SendAsync(socket, "0123456789abcdefghijklmnopqrst");

        var received = new List<byte>();
        while (true)
        {
            var outcome = await Net.ReadOnceAsync(socket, Net.Patience);
            Assert.False(outcome.TimedOut, "the connection was not closed");
            if (outcome.Closed)
            {
                break;
            }

            received.AddRange(outcome.Data);
        }

        Assert.Equal("0123456789", Encoding.ASCII.GetString([.. received]));
    }

    [Fact]
    public async Task Limit_data_keeps_counting_across_an_update()
    {
        await Client.AddLimitDataAsync("link", 10);
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        await Net.RoundTripAsync(socket, "123456");

        await Client.UpdateToxicAsync("link", "limit_data_downstream", new Dictionary<string, long> { ["bytes"] = 12 });
        await Net.SendAsync(socket, "abcdefghij");

        // 6 bytes already passed: 6 more, then the close.
        Assert.Equal("abcdef", await Net.ReadTextAsync(socket, 6));
        var outcome = await Net.WaitForCloseAsync(socket);
        Assert.Empty(outcome.Data);
    }

    [Fact]
    public async Task Slow_close_delays_the_close()
    {
        await Client.AddSlowCloseAsync("link", TimeSpan.FromMilliseconds(500));
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        await Net.RoundTripAsync(socket, "bye");

        // Our end of the stream reaches the echo server, which closes; that close reaches us late.
        var watch = Stopwatch.StartNew();
        socket.Shutdown(SocketShutdown.Send);
        var outcome = await Net.WaitForCloseAsync(socket);

        Assert.Equal(0, outcome.Read);
        Assert.Null(outcome.Error);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(450), $"closed after {watch.Elapsed}");
    }

    [Fact]
    public async Task Without_slow_close_a_half_close_is_passed_on_at_once()
    {
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        await Net.SendAsync(socket, "last words");
        socket.Shutdown(SocketShutdown.Send);

        // The echo still comes back after our half-close, then the orderly close.
        Assert.Equal("last words", await Net.ReadTextAsync(socket, 10));
        var outcome = await Net.WaitForCloseAsync(socket, TimeSpan.FromSeconds(5));
        Assert.Equal(0, outcome.Read);
    }

    [Fact]
    public async Task Blackhole_passes_nothing_either_way_but_keeps_the_connection_open()
    {
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        await Net.RoundTripAsync(socket, "before");
        var upstreamBytes = _echo.BytesReceived;

        await Client.AddBlackholeAsync("link");
        await Net.SendAsync(socket, "lost?");
        var outcome = await Net.ReadOnceAsync(socket, Quiet);

        Assert.True(outcome.TimedOut, "the blackhole let data through or closed the connection");
        Assert.Equal(upstreamBytes, _echo.BytesReceived);

        // Plugged back in: what was held goes through, as TCP would retransmit it.
        await Client.RemoveToxicAsync("link", "blackhole_downstream");
        Assert.Equal("lost?", await Net.ReadTextAsync(socket, 5));
        await Net.RoundTripAsync(socket, "after");
    }

    [Fact]
    public async Task Disabling_a_proxy_closes_its_connections_and_reenabling_listens_again()
    {
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        await Net.RoundTripAsync(socket, "up");

        await Client.DisableProxyAsync("link");

        var outcome = await Net.WaitForCloseAsync(socket);
        Assert.True(outcome.Closed);
        Assert.False(await Net.CanConnectAsync(_proxy.Listen));

        var enabled = await Client.EnableProxyAsync("link");
        Assert.Equal(_proxy.Listen, enabled.Listen);
        using var again = await Net.ConnectAsync(_proxy.Listen);
        await Net.RoundTripAsync(again, "back");
    }

    [Fact]
    public async Task Toxicity_zero_never_applies()
    {
        await Client.AddTimeoutAsync("link", TimeSpan.Zero, new ToxicOptions { Toxicity = 0 });
        await Client.AddBlackholeAsync("link", new ToxicOptions { Toxicity = 0 });

        for (var i = 0; i < 5; i++)
        {
            using var socket = await Net.ConnectAsync(_proxy.Listen);
            await Net.RoundTripAsync(socket, "through", TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public async Task Toxicity_is_decided_per_connection()
    {
        await Client.AddBlackholeAsync("link", new ToxicOptions { Toxicity = 0.5 });
        var sockets = new List<Socket>();
        try
        {
            for (var i = 0; i < 24; i++)
            {
                var socket = await Net.ConnectAsync(_proxy.Listen);
                sockets.Add(socket);
                await Net.SendAsync(socket, "?");
            }

            var outcomes = await Task.WhenAll(sockets.Select(s => Net.ReadOnceAsync(s, TimeSpan.FromMilliseconds(800))));
            var through = outcomes.Count(o => o.Read == 1);
            var held = outcomes.Count(o => o.TimedOut);

            // 24 fair coin flips: all heads or all tails has a chance of 1 in 8 million.
            Assert.Equal(sockets.Count, through + held);
            Assert.InRange(through, 1, sockets.Count - 1);

            // And it sticks for the connection's life.
            for (var i = 0; i < sockets.Count; i++)
            {
                if (outcomes[i].Read == 1)
                {
                    await Net.RoundTripAsync(sockets[i], "again", TimeSpan.FromSeconds(5));
                }
            }
        }
        finally
        {
            sockets.ForEach(s => s.Dispose());
        }
    }

    [Fact]
    public async Task An_unreachable_upstream_closes_the_client()
    {
        string address;
        await using (var gone = new EchoServer())
        {
            address = gone.Address;
        }

        var dead = await Client.CreateProxyAsync("dead", "127.0.0.1:0", address);
        using var socket = await Net.ConnectAsync(dead.Listen);
        var outcome = await Net.WaitForCloseAsync(socket);

        Assert.True(outcome.Closed);
        Assert.Empty(outcome.Data);
    }

    [Fact]
    public async Task Partitioning_a_mesh_member_cuts_only_its_links()
    {
        // Three peers (think etcd members) proxied per destination: one proxy per ordered pair.
        await using var a = new EchoServer();
        await using var b = new EchoServer();
        await using var c = new EchoServer();
        var peers = new Dictionary<string, EchoServer> { ["a"] = a, ["b"] = b, ["c"] = c };
        var sockets = new Dictionary<string, Socket>();
        try
        {
            foreach (var from in peers.Keys)
            {
                foreach (var (to, server) in peers.Where(p => p.Key != from))
                {
                    var proxy = await _h.ProxyAsync($"{from}->{to}", server);
                    sockets[proxy.Name] = await Net.ConnectAsync(proxy.Listen);
                }
            }

            // Isolating c means cutting what goes into c and what comes out of it, in one step.
            await Client.PartitionAsync(["a->c", "b->c", "c->a", "c->b"]);
            foreach (var (name, socket) in sockets)
            {
                await Net.SendAsync(socket, "x");
            }

            var outcomes = (await Task.WhenAll(sockets.Select(async s => (s.Key, Outcome: await Net.ReadOnceAsync(s.Value, Quiet)))))
                .ToDictionary(o => o.Key, o => o.Outcome);
            Assert.Equal(1, outcomes["a->b"].Read);
            Assert.Equal(1, outcomes["b->a"].Read);
            Assert.All(new[] { "a->c", "b->c", "c->a", "c->b" }, name => Assert.True(outcomes[name].TimedOut, name));

            await Client.HealAsync();
            foreach (var name in new[] { "a->c", "b->c", "c->a", "c->b" })
            {
                Assert.Equal("x", await Net.ReadTextAsync(sockets[name], 1));
            }
        }
        finally
        {
            foreach (var socket in sockets.Values)
            {
                socket.Dispose();
            }
        }
    }

    [Fact]
    public async Task Partition_cuts_every_listed_link_and_heal_restores_them()
    {
        await using var other = new EchoServer();
        var second = await _h.ProxyAsync("link2", other);
        using var a = await Net.ConnectAsync(_proxy.Listen);
        using var b = await Net.ConnectAsync(second.Listen);

        await Client.PartitionAsync(["link", "link2"]);
        await Net.SendAsync(a, "a");
        await Net.SendAsync(b, "b");
        var outcomes = await Task.WhenAll(Net.ReadOnceAsync(a, Quiet), Net.ReadOnceAsync(b, Quiet));
        Assert.All(outcomes, o => Assert.True(o.TimedOut));

        await Client.HealAsync(["link", "link2"]);
        Assert.Equal("a", await Net.ReadTextAsync(a, 1));
        Assert.Equal("b", await Net.ReadTextAsync(b, 1));
    }
}
