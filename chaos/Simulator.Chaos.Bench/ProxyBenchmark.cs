using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Simulator.Chaos.Bench;

/// <summary>
/// The fault proxy's benchmark, <c>sim bench proxy [--out DIR]</c>: (a) throughput through a toxic-free proxy
/// against direct connections, with a bulk TCP copy and, where PostgreSQL is installed, pgbench (target: ratio at
/// least 0.8), each also through the same proxy with zero copy off (every byte copied through user space) and through
/// HAProxy in TCP mode in the same rounds as a reference (<see cref="HaproxyReference"/>);
/// (b) the latency a 50 ms latency toxic adds to a request/response echo against the toxic-free
/// baseline (targets: 50 ± 1 ms at the median, 50 ± 3 ms at p99). Everything runs on 127.0.0.1 with an in-process
/// <see cref="ToxiproxyServer"/>, with socket continuations inline as <c>sim toxiproxy-server</c> runs them
/// (<see cref="InlineSocketCompletions"/>; <c>--thread-pool-completions</c> for the runtime's default). Call it before
/// the process uses any socket, or the completion mode is whatever the process already had (the report says which).
/// </summary>
public static class ProxyBenchmark
{
    /// <summary>Exit code: every measured figure met its target.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code: a figure missed its target.</summary>
    public const int ExitTargetMissed = 1;

    /// <summary>Exit code: invalid arguments.</summary>
    public const int ExitInvalidInput = 2;

    /// <summary>Exit code: the benchmark could not run (e.g. the output directory cannot be written).</summary>
    public const int ExitEnvironment = 3;

    /// <summary>The name of the result file written to <c>--out DIR</c>.</summary>
    public const string ResultFileName = "bench.json";

    private const double TargetRatio = 0.8;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Runs the benchmark with the given arguments, writing progress and a summary to <paramref name="output"/>.</summary>
    /// <param name="args"><c>[--out DIR] [--quick] [--no-pgbench] [--samples N]</c>.</param>
    /// <param name="output">Where progress and the summary go.</param>
    /// <param name="cancellationToken">Stops the benchmark.</param>
    /// <returns>The exit code: 0 targets met, 1 a target missed, 2 invalid arguments, 3 could not run.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        if (!BenchOptions.TryParse(args, out var options, out var error))
        {
            if (error is not null)
            {
                await output.WriteLineAsync("error: " + error);
            }

            await output.WriteLineAsync(BenchOptions.Usage);
            return error is null ? ExitOk : ExitInvalidInput;
        }

        if (options!.OutDirectory is { } outDirectory)
        {
            try
            {
                Directory.CreateDirectory(outDirectory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync($"error: cannot create {outDirectory}: {ex.Message}");
                return ExitEnvironment;
            }
        }

        // The proxy as `sim toxiproxy-server` runs it: socket continuations inline (set before any socket is used).
        var inline = options.ThreadPoolCompletions ? InlineSocketCompletions.IsEnabled() : InlineSocketCompletions.TryEnable();
        var completions = inline switch { true => "inline", false => "thread-pool", null => "unknown" };
        var startedAt = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        var loadStart = LoadAverage();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"fault proxy benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}, socket completions {completions}, load average {Describe(loadStart)}{(options.Quick ? " (quick: not for quoting)" : "")}"));

        await using var server = await ToxiproxyServer.StartAsync("127.0.0.1", 0, cancellationToken);
        using var client = server.CreateClient();
        // The same proxy copying every byte through user space, measured in the same rounds to show what splicing gives.
        await using var copyServer = await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions { Host = "127.0.0.1", Port = 0, ZeroCopy = false }, cancellationToken);
        using var copying = copyServer.CreateClient();
        using var metrics = new ProxyMeterCollection(TimeSpan.FromSeconds(1));

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"(a) throughput, no toxic: bulk copy of {options.BulkBytes / (1024 * 1024)} MiB x {options.BulkRounds}"));
        var bulk = await BulkCopyBenchmark.RunAsync(client, copying, options.BulkBytes, options.BulkRounds, TargetRatio, output, cancellationToken);
        await output.WriteLineAsync("(a) throughput, no toxic: pgbench");
        var pgbench = await PgBenchBenchmark.RunAsync(client, copying, options, TargetRatio, output, cancellationToken);
        if (!pgbench.Measured)
        {
            await output.WriteLineAsync("  not measured: " + pgbench.Reason);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"(b) latency toxic of 50 ms on a 64-byte echo, {options.LatencySamples} round trips over {options.Connections} connections"));
        var latency = await EchoLatencyBenchmark.RunAsync(client, TimeSpan.FromMilliseconds(50), options.LatencySamples, options.Connections, output, cancellationToken);

        var report = new BenchReport(
            new MachineInfo(Environment.ProcessorCount, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, loadStart, LoadAverage()),
            startedAt,
            Math.Round(watch.Elapsed.TotalSeconds, 1),
            options.Quick,
            completions,
            new ThroughputResult(TargetRatio, bulk, pgbench),
            latency);
        await WriteSummaryAsync(report, output);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  proxy meter collected every 1 s throughout ({metrics.Measurements} measurements read)"));

        if (options.OutDirectory is not null)
        {
            var path = Path.Combine(options.OutDirectory, ResultFileName);
            try
            {
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(report, Json) + "\n", cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await output.WriteLineAsync($"error: cannot write {path}: {ex.Message}");
                return ExitEnvironment;
            }

            await output.WriteLineAsync($"wrote {path}");
        }

        return report.Passed ? ExitOk : ExitTargetMissed;
    }

    private static async Task WriteSummaryAsync(BenchReport report, TextWriter output)
    {
        static string Verdict(bool passed) => passed ? "met" : "MISSED";
        var t = report.Throughput;
        await output.WriteLineAsync("summary:");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  bulk copy: proxy/direct = {t.BulkCopy.Ratio:0.000} ({t.BulkCopy.ProxyMedianMBps:0} / {t.BulkCopy.DirectMedianMBps:0} MB/s), target >= {t.TargetRatio:0.0}: {Verdict(t.BulkCopy.Passed)}{Against(t.BulkCopy.Copying)}{Against(t.BulkCopy.Reference)}"));
        foreach (var w in t.PgBench.Workloads)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  pgbench {w.Name}: proxy/direct = {w.Ratio:0.000} ({w.ProxyMedianTps:0} / {w.DirectMedianTps:0} tps), target >= {t.TargetRatio:0.0}: {Verdict(w.Passed)}{Against(w.Copying)}{Against(w.Reference)}"));
        }

        var l = report.Latency;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  latency toxic {l.ToxicMs:0} ms: added {l.AddedP50Ms:0.000} ms at p50 (target {l.ToxicMs:0} ± {l.ToleranceP50Ms:0}: {Verdict(l.PassedP50)}), {l.AddedP99Ms:0.000} ms at p99 (target {l.ToxicMs:0} ± {l.ToleranceP99Ms:0}: {Verdict(l.PassedP99)})"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  took {report.DurationSeconds:0.0} s; load average at the end {Describe(report.Machine.LoadAverageEnd)}"));
    }

    private static string Against(ReferenceResult reference) => reference.Measured
        ? string.Create(CultureInfo.InvariantCulture, $"; {reference.Proxy}/direct = {reference.Ratio:0.000}")
        : $"; reference not measured: {reference.Reason}";

    private static double[]? LoadAverage()
    {
        try
        {
            var fields = File.ReadAllText("/proc/loadavg").Split(' ');
            return [.. fields.Take(3).Select(f => double.Parse(f, CultureInfo.InvariantCulture))];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static string Describe(double[]? load) =>
        load is null ? "unknown" : string.Join(" ", load.Select(l => l.ToString("0.00", CultureInfo.InvariantCulture)));
}
