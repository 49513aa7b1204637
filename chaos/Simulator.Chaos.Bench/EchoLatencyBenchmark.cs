using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Simulator.Chaos.Bench;

/// <summary>
/// Round trips of a 64-byte request/response echo over several connections: direct and through a toxic-free proxy
/// back to back, through the toxic-free proxy with requests as far apart as the toxic will space them (the
/// baseline), and with a latency toxic (each connection sending its next request when the previous reply arrived).
/// </summary>
internal static class EchoLatencyBenchmark
{
    private const int PayloadBytes = 64;
    private const int WarmUpPerConnection = 20;

    public static async Task<LatencyResult> RunAsync(ToxiproxyClient client, TimeSpan toxic, int samples, int connections, TextWriter output, CancellationToken cancellationToken)
    {
        using var echo = new EchoServer();
        var proxy = await client.CreateProxyAsync("bench-echo", "127.0.0.1:0", echo.Address, cancellationToken);
        try
        {
            var proxyPort = int.Parse(proxy.Listen[(proxy.Listen.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);
            var direct = LatencyStats.Of(await MeasureAsync(echo.Port, samples, connections, TimeSpan.Zero, cancellationToken));
            await Report(output, "direct, back to back", direct);
            var backToBack = LatencyStats.Of(await MeasureAsync(proxyPort, samples, connections, TimeSpan.Zero, cancellationToken));
            await Report(output, "proxy, no toxic, back to back", backToBack);

            // With the toxic each connection sends a request every ~50 ms. The baseline must space its requests the
            // same way: back to back, every thread on the path stays hot; 50 ms apart, each wake-up is a cold one,
            // which on a loaded machine costs the same with or without the toxic and is not the toxic's doing.
            var baseline = LatencyStats.Of(await MeasureAsync(proxyPort, samples, connections, toxic, cancellationToken));
            await Report(output, string.Create(CultureInfo.InvariantCulture, $"proxy, no toxic, requests {toxic.TotalMilliseconds:0} ms apart (baseline)"), baseline);

            await client.AddLatencyAsync(proxy.Name, toxic, TimeSpan.Zero, new ToxicOptions { Name = "bench_latency", Stream = ToxicDirection.Downstream }, cancellationToken);
            var withToxic = LatencyStats.Of(await MeasureAsync(proxyPort, samples, connections, TimeSpan.Zero, cancellationToken));
            await Report(output, string.Create(CultureInfo.InvariantCulture, $"proxy, {toxic.TotalMilliseconds:0} ms latency toxic"), withToxic);

            return new LatencyResult(
                toxic.TotalMilliseconds,
                "downstream",
                samples,
                connections,
                PayloadBytes,
                direct,
                backToBack,
                baseline,
                withToxic,
                LatencyStats.Round(withToxic.P50 - baseline.P50),
                LatencyStats.Round(withToxic.P99 - baseline.P99),
                ToleranceP50Ms: 1,
                ToleranceP99Ms: 3);
        }
        finally
        {
            await client.DeleteProxyAsync(proxy.Name, CancellationToken.None);
        }
    }

    private static Task Report(TextWriter output, string what, LatencyStats stats) =>
        output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  echo {what}: p50 {stats.P50:0.000} ms, p90 {stats.P90:0.000} ms, p99 {stats.P99:0.000} ms, max {stats.Max:0.000} ms ({stats.Count} round trips)"));

    private static async Task<List<double>> MeasureAsync(int port, int samples, int connections, TimeSpan spacing, CancellationToken cancellationToken)
    {
        var perConnection = samples / connections;
        var results = await Task.WhenAll(Enumerable.Range(0, connections).Select(i => Task.Run(() => RunConnectionAsync(port, perConnection + (i < samples % connections ? 1 : 0), spacing, cancellationToken), cancellationToken)));
        return [.. results.SelectMany(r => r)];
    }

    /// <summary>One connection's round trips; with a spacing, each request is sent that long after the previous one was.</summary>
    private static async Task<List<double>> RunConnectionAsync(int port, int count, TimeSpan spacing, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cancellationToken);
        var request = new byte[PayloadBytes];
        var reply = new byte[PayloadBytes];
        Random.Shared.NextBytes(request);
        var times = new List<double>(count);
        for (var i = 0; i < WarmUpPerConnection + count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await socket.SendAsync(request, SocketFlags.None, cancellationToken);
            for (var read = 0; read < reply.Length;)
            {
                var n = await socket.ReceiveAsync(reply.AsMemory(read), SocketFlags.None, cancellationToken);
                read += n > 0 ? n : throw new InvalidOperationException("the echo connection closed");
            }

            if (i >= WarmUpPerConnection)
            {
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            var rest = spacing - Stopwatch.GetElapsedTime(start);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest, cancellationToken);
            }
        }

        return times;
    }
}
