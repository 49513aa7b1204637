using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Simulator.Chaos.Bench;

/// <summary>
/// One connection copies a block of bytes to a sink, direct, through a toxic-free proxy (zero copy on, then a second
/// server's with it off) and through the reference proxy (<see cref="HaproxyReference"/>), rounds interleaved.
/// </summary>
internal static class BulkCopyBenchmark
{
    private const int ChunkSize = 256 * 1024;

    public static async Task<BulkCopyResult> RunAsync(ToxiproxyClient client, ToxiproxyClient copying, long bytes, int rounds, double targetRatio, TextWriter output, CancellationToken cancellationToken)
    {
        using var sink = new SinkServer();
        var proxy = await client.CreateProxyAsync("bench-bulk", "127.0.0.1:0", sink.Address, cancellationToken);
        var copyProxy = await copying.CreateProxyAsync("bench-bulk", "127.0.0.1:0", sink.Address, cancellationToken);
        try
        {
            var proxyPort = PortOf(proxy);
            var copyPort = PortOf(copyProxy);
            await using var reference = HaproxyReference.Unavailable is null ? await HaproxyReference.StartAsync(sink.Port, cancellationToken) : null;
            var warmUp = Math.Min(bytes, 16L * 1024 * 1024);
            await CopyAsync(sink.Port, warmUp, cancellationToken);
            await CopyAsync(proxyPort, warmUp, cancellationToken);
            await CopyAsync(copyPort, warmUp, cancellationToken);
            if (reference is not null)
            {
                await CopyAsync(reference.Port, warmUp, cancellationToken);
            }

            var direct = new List<double>();
            var proxied = new List<double>();
            var referenced = new List<double>();
            var copied = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                // CPU of this process (sender, sink and proxy) per MB: what a proxy adds is its excess over direct.
                var (directMBps, directCpu) = await ProcessCpu.MeasureAsync(() => MegabytesPerSecondAsync(sink.Port, bytes, cancellationToken));
                var (proxyMBps, proxyCpu) = await ProcessCpu.MeasureAsync(() => MegabytesPerSecondAsync(proxyPort, bytes, cancellationToken));
                var (copyMBps, copyCpu) = await ProcessCpu.MeasureAsync(() => MegabytesPerSecondAsync(copyPort, bytes, cancellationToken));
                direct.Add(directMBps);
                proxied.Add(proxyMBps);
                copied.Add(copyMBps);
                var megabytes = bytes / 1e6;
                var line = string.Create(CultureInfo.InvariantCulture, $"  bulk copy round {round + 1}: direct {direct[^1]:0} MB/s, proxy {proxied[^1]:0} MB/s, proxy copying {copied[^1]:0} MB/s; CPU per MB: direct {directCpu.TotalMicroseconds / megabytes:0} µs, proxy {proxyCpu.TotalMicroseconds / megabytes:0} µs, proxy copying {copyCpu.TotalMicroseconds / megabytes:0} µs");
                if (reference is not null)
                {
                    referenced.Add(await MegabytesPerSecondAsync(reference.Port, bytes, cancellationToken));
                    line += string.Create(CultureInfo.InvariantCulture, $", reference {referenced[^1]:0} MB/s");
                }

                await output.WriteLineAsync(line);
            }

            var directMedian = LatencyStats.Median(direct);
            var proxyMedian = LatencyStats.Median(proxied);
            var ratio = Math.Round(proxyMedian / directMedian, 3);
            var referenceResult = reference is null ? ReferenceResult.NotMeasured(HaproxyReference.Unavailable!) : ReferenceResult.Of(referenced, directMedian);
            return new BulkCopyResult(bytes, rounds, direct, proxied, LatencyStats.Round(directMedian), LatencyStats.Round(proxyMedian), ratio, ratio >= targetRatio, referenceResult,
                ReferenceResult.Of(copied, directMedian, ReferenceResult.Copying));
        }
        finally
        {
            await client.DeleteProxyAsync(proxy.Name, CancellationToken.None);
            await copying.DeleteProxyAsync(copyProxy.Name, CancellationToken.None);
        }
    }

    /// <summary>The port a proxy listens on.</summary>
    public static int PortOf(ProxyInfo proxy) => int.Parse(proxy.Listen[(proxy.Listen.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

    private static async Task<double> MegabytesPerSecondAsync(int port, long bytes, CancellationToken cancellationToken) =>
        LatencyStats.Round(bytes / 1e6 / (await CopyAsync(port, bytes, cancellationToken)).TotalSeconds);

    /// <summary>Sends <paramref name="bytes"/>, half-closes, and waits for the sink's byte saying it read them all.</summary>
    private static async Task<TimeSpan> CopyAsync(int port, long bytes, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        var chunk = new byte[ChunkSize];
        Random.Shared.NextBytes(chunk);
        var start = Stopwatch.GetTimestamp();
        for (var left = bytes; left > 0;)
        {
            var size = (int)Math.Min(left, chunk.Length);
            left -= await socket.SendAsync(chunk.AsMemory(0, size), SocketFlags.None, cancellationToken);
        }

        socket.Shutdown(SocketShutdown.Send);
        var ack = new byte[1];
        if (await socket.ReceiveAsync(ack, SocketFlags.None, cancellationToken) != 1)
        {
            throw new InvalidOperationException("the sink closed without acknowledging the copy");
        }

        return Stopwatch.GetElapsedTime(start);
    }
}
