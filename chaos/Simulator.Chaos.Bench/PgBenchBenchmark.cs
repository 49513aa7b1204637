using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulator.Chaos.Bench;

/// <summary>
/// pgbench against a throw-away PostgreSQL, direct, through a toxic-free proxy (zero copy on, then a second server's
/// with it off) and through the reference proxy (<see cref="HaproxyReference"/>), rounds interleaved.
/// </summary>
internal static partial class PgBenchBenchmark
{
    private const int Clients = 8;
    private const int Threads = 2;

    public static async Task<PgBenchResult> RunAsync(ToxiproxyClient client, ToxiproxyClient copying, BenchOptions options, double targetRatio, TextWriter output, CancellationToken cancellationToken)
    {
        if (options.SkipPgBench)
        {
            return PgBenchResult.NotMeasured("skipped (--no-pgbench)");
        }

        var bin = PostgresCluster.FindBinDirectory();
        if (bin is null)
        {
            return PgBenchResult.NotMeasured("PostgreSQL is not installed (apt-get install postgresql)");
        }

        PostgresCluster cluster;
        try
        {
            cluster = await PostgresCluster.StartAsync(bin, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
        {
            return PgBenchResult.NotMeasured("PostgreSQL could not start: " + ex.Message);
        }

        await using (cluster)
        {
            await output.WriteLineAsync($"  {cluster.Version} on 127.0.0.1:{cluster.Port}; pgbench -i -s {options.PgBenchScale}");
            var init = await ProcessRunner.RunAsync(cluster.Tool("pgbench"), ["-i", "-q", "-s", Text(options.PgBenchScale), .. Connection(cluster.Port)], null, TimeSpan.FromMinutes(5), cancellationToken);
            if (init.ExitCode != 0)
            {
                return PgBenchResult.NotMeasured($"pgbench -i failed: {init.Error.Trim()}");
            }

            var proxy = await client.CreateProxyAsync("bench-postgres", "127.0.0.1:0", $"127.0.0.1:{cluster.Port}", cancellationToken);
            var copyProxy = await copying.CreateProxyAsync("bench-postgres", "127.0.0.1:0", $"127.0.0.1:{cluster.Port}", cancellationToken);
            try
            {
                var proxyPort = BulkCopyBenchmark.PortOf(proxy);
                var copyPort = BulkCopyBenchmark.PortOf(copyProxy);
                await using var reference = HaproxyReference.Unavailable is null ? await HaproxyReference.StartAsync(cluster.Port, cancellationToken) : null;
                (string Name, string[] Args)[] workloads = options.Quick
                    ? [("select-only", ["-S"])]
                    : [("select-only", ["-S"]), ("tpcb-like", [])];
                var results = new List<PgBenchWorkloadResult>();
                foreach (var (name, args) in workloads)
                {
                    var direct = new List<double>();
                    var proxied = new List<double>();
                    var referenced = new List<double>();
                    var copied = new List<double>();
                    for (var round = 0; round < options.PgBenchRounds; round++)
                    {
                        // pgbench and PostgreSQL are other processes: this one's CPU during a round is the proxy's.
                        direct.Add(await RunPgBenchAsync(cluster, cluster.Port, args, options.PgBenchDuration, cancellationToken));
                        var (proxyTps, proxyCpu) = await ProcessCpu.MeasureAsync(() => RunPgBenchAsync(cluster, proxyPort, args, options.PgBenchDuration, cancellationToken));
                        var (copyTps, copyCpu) = await ProcessCpu.MeasureAsync(() => RunPgBenchAsync(cluster, copyPort, args, options.PgBenchDuration, cancellationToken));
                        proxied.Add(proxyTps);
                        copied.Add(copyTps);
                        var seconds = options.PgBenchDuration.TotalSeconds;
                        var line = string.Create(CultureInfo.InvariantCulture, $"  pgbench {name} round {round + 1}: direct {direct[^1]:0} tps, proxy {proxied[^1]:0} tps, proxy copying {copied[^1]:0} tps; proxy CPU per transaction: {proxyCpu.TotalMicroseconds / (proxyTps * seconds):0.0} µs, copying {copyCpu.TotalMicroseconds / (copyTps * seconds):0.0} µs");
                        if (reference is not null)
                        {
                            referenced.Add(await RunPgBenchAsync(cluster, reference.Port, args, options.PgBenchDuration, cancellationToken));
                            line += string.Create(CultureInfo.InvariantCulture, $", reference {referenced[^1]:0} tps");
                        }

                        await output.WriteLineAsync(line);
                    }

                    var directMedian = LatencyStats.Median(direct);
                    var proxyMedian = LatencyStats.Median(proxied);
                    var ratio = Math.Round(proxyMedian / directMedian, 3);
                    var arguments = string.Join(' ', args.Concat(["-c", Text(Clients), "-j", Text(Threads), "-T", Text((int)options.PgBenchDuration.TotalSeconds)]));
                    var referenceResult = reference is null ? ReferenceResult.NotMeasured(HaproxyReference.Unavailable!) : ReferenceResult.Of(referenced, directMedian);
                    results.Add(new PgBenchWorkloadResult(name, arguments, direct, proxied, LatencyStats.Round(directMedian), LatencyStats.Round(proxyMedian), ratio, ratio >= targetRatio, referenceResult,
                        ReferenceResult.Of(copied, directMedian, ReferenceResult.Copying)));
                }

                return new PgBenchResult(true, null, cluster.Version, options.PgBenchScale, Clients, Threads, options.PgBenchDuration.TotalSeconds, options.PgBenchRounds, results);
            }
            finally
            {
                await client.DeleteProxyAsync(proxy.Name, CancellationToken.None);
                await copying.DeleteProxyAsync(copyProxy.Name, CancellationToken.None);
            }
        }
    }

    private static async Task<double> RunPgBenchAsync(PostgresCluster cluster, int port, string[] workload, TimeSpan duration, CancellationToken cancellationToken)
    {
        string[] args = ["-n", .. workload, "-c", Text(Clients), "-j", Text(Threads), "-T", Text((int)Math.Max(1, duration.TotalSeconds)), .. Connection(port)];
        var result = await ProcessRunner.RunAsync(cluster.Tool("pgbench"), args, null, duration + TimeSpan.FromMinutes(2), cancellationToken);
        var match = TpsLine().Match(result.Output);
        if (result.ExitCode != 0 || !match.Success)
        {
            throw new InvalidOperationException($"pgbench failed (exit {result.ExitCode}): {result.Error.Trim()}");
        }

        return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static string[] Connection(int port) => ["-h", "127.0.0.1", "-p", Text(port), "-U", "postgres", "postgres"];

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"tps = ([0-9.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();
}
