using System.Net.Sockets;

namespace Simulator.Chaos.Tests.Proxy;

/// <summary>The proxy's OpenTelemetry instruments, read through a <see cref="System.Diagnostics.Metrics.MeterListener"/> as an exporter would.</summary>
public sealed class ProxyMetricsTests : IAsyncLifetime
{
    private readonly string _link = "metrics-" + Guid.NewGuid().ToString("N")[..8];
    private Harness _h = null!;
    private EchoServer _echo = null!;
    private ProxyInfo _proxy = null!;

    public async Task InitializeAsync()
    {
        _h = await Harness.StartAsync();
        _echo = new EchoServer();
        _proxy = await _h.ProxyAsync(_link, _echo);
    }

    public async Task DisposeAsync()
    {
        await _h.DisposeAsync();
        await _echo.DisposeAsync();
    }

    [Fact]
    public async Task Bytes_connections_toxics_and_cuts_are_published_per_proxy()
    {
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        var payload = new byte[50_000];
        await socket.SendAsync(payload, SocketFlags.None);
        await Net.ReadExactlyAsync(socket, payload.Length);
        await _h.Client.AddLatencyAsync(_link, TimeSpan.FromMilliseconds(5));
        await _h.Client.AddBlackholeAsync(_link, new ToxicOptions { Name = "hole", Stream = ToxicDirection.Upstream });

        var open = Collect();
        Assert.Equal(payload.Length, open.Value("sim.proxy.bytes", ("sim.direction", "upstream")));
        Assert.Equal(payload.Length, open.Value("sim.proxy.bytes", ("sim.direction", "downstream")));
        Assert.Equal(1, open.Value("sim.proxy.connections.active"));
        Assert.Equal(1, open.Value("sim.proxy.connections.accepted"));
        Assert.Equal(0, open.Value("sim.proxy.connections.cut"));
        Assert.Equal(1, open.Value("sim.proxy.toxics.active", ("sim.toxic.type", "latency"), ("sim.toxic.stream", "downstream")));
        Assert.Equal(1, open.Value("sim.proxy.toxics.active", ("sim.toxic.type", "blackhole"), ("sim.toxic.stream", "upstream")));

        // Disabling the proxy cuts the open connection; healed toxics read 0 rather than vanish.
        await _h.Client.RemoveToxicAsync(_link, "hole");
        await _h.Client.DisableProxyAsync(_link);
        var cut = Collect();
        Assert.Equal(0, cut.Value("sim.proxy.connections.active"));
        Assert.Equal(1, cut.Value("sim.proxy.connections.cut"));
        Assert.Equal(0, cut.Value("sim.proxy.toxics.active", ("sim.toxic.type", "blackhole"), ("sim.toxic.stream", "upstream")));
    }

    [Fact]
    public async Task A_connection_its_peer_closes_is_not_counted_as_cut()
    {
        using (var socket = await Net.ConnectAsync(_proxy.Listen))
        {
            await Net.SendAsync(socket, "hello");
            await Net.ReadTextAsync(socket, 5);
            socket.Shutdown(SocketShutdown.Send);
            await Net.WaitForCloseAsync(socket);
        }

        var deadline = DateTime.UtcNow + Net.Patience;
        while (Collect().Value("sim.proxy.connections.active") != 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        var closed = Collect();
        Assert.Equal(0, closed.Value("sim.proxy.connections.active"));
        Assert.Equal(1, closed.Value("sim.proxy.connections.accepted"));
        Assert.Equal(0, closed.Value("sim.proxy.connections.cut"));
    }

    private MeterReadings Collect() => MeterReadings.Collect(_link);
}
