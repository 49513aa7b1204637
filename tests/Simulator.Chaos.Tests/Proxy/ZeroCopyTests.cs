using System.Diagnostics;
using System.Net.Sockets;

namespace Simulator.Chaos.Tests.Proxy;

/// <summary>
/// The splice(2) path of toxic-free connections: data intact both ways, really used (the spliced-bytes counter), and
/// left for the copying path, without losing or reordering a byte, when a toxic, a partition or a disable hits an open
/// connection mid-stream. Everything over real loopback sockets through an echo server.
/// </summary>
public sealed class ZeroCopyTests : IAsyncLifetime
{
    private static readonly (string, string) Up = ("sim.direction", "upstream");
    private static readonly (string, string) Down = ("sim.direction", "downstream");

    private readonly string _link = "splice-" + Guid.NewGuid().ToString("N")[..8];
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
    public async Task A_large_random_stream_passes_intact_both_ways_and_is_spliced()
    {
        const long Total = 64L * 1024 * 1024;
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        var stream = new PatternStream(seed: 1);
        var reader = stream.ReadToEndAsync(socket);
        while (stream.Sent < Total)
        {
            await stream.WriteAsync(socket, 256 * 1024);
        }

        Assert.True(await stream.WaitForEchoAsync(TimeSpan.FromSeconds(60)), $"{stream.Received} of {stream.Sent} bytes came back");
        socket.Shutdown(SocketShutdown.Send);
        Assert.Null(await reader.WaitAsync(Net.Patience));
        Assert.Equal(Total, stream.Received);

        var readings = MeterReadings.Collect(_link);
        Assert.Equal(Total, readings.Value("sim.proxy.bytes", Up));
        Assert.Equal(Total, readings.Value("sim.proxy.bytes", Down));
        // Most of it spliced (measured: 85-100 %); the rest was copied: the first read of each burst, and what was
        // copied out of the pipe when a receiver was slower than the proxy.
        Assert.InRange(readings.Value("sim.proxy.bytes.spliced", Up), Total / 2, Total);
        Assert.InRange(readings.Value("sim.proxy.bytes.spliced", Down), Total / 2, Total);
    }

    [Fact]
    public async Task Toxics_and_partitions_added_mid_stream_take_over_the_open_connection_and_splicing_resumes_after()
    {
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        var stream = new PatternStream(seed: 2);
        var reader = stream.ReadToEndAsync(socket);

        // Streaming without toxics: spliced.
        var writing = StartWriting(stream, socket);
        Assert.True(await stream.WaitForReceivedAsync(8L * 1024 * 1024, Net.Patience), "the stream did not flow");
        var splicedBefore = Spliced(Down);
        Assert.True(splicedBefore > 0, "nothing was spliced on a toxic-free link");

        // A latency toxic added mid-stream acts on this very connection.
        await _h.Client.AddLatencyAsync(_link, TimeSpan.FromMilliseconds(100));
        await StopAsync(writing);
        Assert.True(await stream.WaitForEchoAsync(Net.Patience), "the stream did not drain under latency");
        var delayed = await TimeEchoAsync(stream, socket);
        Assert.InRange(delayed, TimeSpan.FromMilliseconds(95), TimeSpan.FromSeconds(3));

        // Removed: fast again, and back on splice.
        await _h.Client.RemoveToxicAsync(_link, "latency_downstream");
        var fast = await TimeEchoAsync(stream, socket);
        Assert.True(fast < TimeSpan.FromMilliseconds(80), $"echo after removal took {fast}");
        writing = StartWriting(stream, socket);
        Assert.True(await stream.WaitForReceivedAsync(stream.Received + (8L * 1024 * 1024), Net.Patience), "the stream did not flow again");
        Assert.True(Spliced(Down) > splicedBefore, "splicing did not resume once the toxic was removed");

        // A partition mid-stream stops the flow both ways with the connection open; healing lets it on.
        await _h.Client.PartitionAsync([_link]);
        await Task.Delay(400);
        var atCut = stream.Received;
        await Task.Delay(600);
        Assert.Equal(atCut, stream.Received);
        Assert.False(reader.IsCompleted, "the partition closed the connection");
        await _h.Client.HealAsync([_link]);
        var splicedAtHeal = (Up: Spliced(Up), Down: Spliced(Down));
        Assert.True(await stream.WaitForReceivedAsync(atCut + (8L * 1024 * 1024), Net.Patience), "the stream did not resume after healing");
        // What queued behind the cut leaves by copying first, and under load that backlog can be most of the 8 MiB: wait
        // (bounded) for the flow that follows it to be spliced.
        Assert.True(
            await SplicedBeyondAsync(splicedAtHeal.Up, splicedAtHeal.Down, Net.Patience),
            $"splicing did not resume both ways after healing (up {Spliced(Up) - splicedAtHeal.Up}, down {Spliced(Down) - splicedAtHeal.Down} bytes since)");

        // Every byte came back once and in order (the reader checks each), and the counters saw each one.
        await StopAsync(writing);
        Assert.True(await stream.WaitForEchoAsync(Net.Patience), $"{stream.Received} of {stream.Sent} bytes came back");
        var readings = MeterReadings.Collect(_link);
        Assert.Equal(stream.Sent, readings.Value("sim.proxy.bytes", Up));
        Assert.Equal(stream.Sent, readings.Value("sim.proxy.bytes", Down));
    }

    [Fact]
    public async Task Disabling_the_link_mid_stream_closes_a_spliced_connection()
    {
        using var socket = await Net.ConnectAsync(_proxy.Listen);
        var stream = new PatternStream(seed: 3);
        var reader = stream.ReadToEndAsync(socket);
        var writing = StartWriting(stream, socket);
        Assert.True(await stream.WaitForReceivedAsync(8L * 1024 * 1024, Net.Patience), "the stream did not flow");
        Assert.True(Spliced(Up) > 0 && Spliced(Down) > 0, "nothing was spliced on a toxic-free link");

        await _h.Client.DisableProxyAsync(_link);
        await reader.WaitAsync(Net.Patience);
        await StopAsync(writing);
        var readings = MeterReadings.Collect(_link);
        Assert.Equal(0, readings.Value("sim.proxy.connections.active"));
        Assert.Equal(1, readings.Value("sim.proxy.connections.cut"));
    }

    private static (Task Task, CancellationTokenSource Stop) StartWriting(PatternStream stream, Socket socket)
    {
        var stop = new CancellationTokenSource();
        return (stream.WriteUntilAsync(socket, stop.Token), stop);
    }

    private static async Task StopAsync((Task Task, CancellationTokenSource Stop) writing)
    {
        await writing.Stop.CancelAsync();
        await writing.Task.WaitAsync(Net.Patience);
        writing.Stop.Dispose();
    }

    /// <summary>Sends 1 KiB once everything before it came back, and times its echo.</summary>
    private static async Task<TimeSpan> TimeEchoAsync(PatternStream stream, Socket socket)
    {
        var watch = Stopwatch.StartNew();
        await stream.WriteAsync(socket, 1024);
        Assert.True(await stream.WaitForEchoAsync(Net.Patience), "the echo did not come back");
        return watch.Elapsed;
    }

    /// <summary>Polls, while the stream goes on, until both directions spliced more than the given counts.</summary>
    private async Task<bool> SplicedBeyondAsync(long up, long down, TimeSpan patience)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < patience)
        {
            if (Spliced(Up) > up && Spliced(Down) > down)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private long Spliced((string, string) direction) => MeterReadings.Collect(_link).Value("sim.proxy.bytes.spliced", direction);
}
