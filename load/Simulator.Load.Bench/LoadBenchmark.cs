using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Simulator.Load.Http;
using Simulator.Load.Measurement;
using Simulator.Load.Scheduling;

namespace Simulator.Load.Bench;

/// <summary>
/// <c>sim bench load</c>: measures the load engine against a local static HTTP target (a private nginx) and against
/// <c>wrk</c> on the same target — (a) closed model flat out with C connections, (b) wrk with the same connections,
/// (c) open model at a fixed rate (achieved rate and start lateness), optionally (d) a long open-model soak for
/// memory — prints each figure, the ratios and the targets, and with <c>--out</c> writes <c>bench.json</c>.
/// </summary>
public static class LoadBenchmark
{
    /// <summary>The file written into <c>--out</c>.</summary>
    public const string FileName = "bench.json";

    /// <summary>Target: the engine's closed-model throughput over wrk's, at least.</summary>
    public const double ClosedToWrkTarget = 0.6;

    /// <summary>Target: the open-model run achieves its rate within this fraction.</summary>
    public const double AchievedWithin = 0.01;

    /// <summary>Target: start lateness p99, at most, in ms.</summary>
    public const double LatenessP99TargetMs = 2;

    /// <summary>Target: resident set size, below, in MiB.</summary>
    public const double RssTargetMb = 200;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // a file, not HTML: keep "<" and ">" readable
    };

    /// <summary>Runs the benchmark.</summary>
    /// <param name="args">The flags after <c>sim bench load</c> (see <see cref="BenchOptions.Usage"/>).</param>
    /// <param name="output">Where to print progress and figures.</param>
    /// <param name="cancellationToken">Stops the benchmark (nginx is stopped either way).</param>
    /// <returns>
    /// 0 when it ran (and, with <c>--check</c>, met every target); 1 with <c>--check</c> when a target was missed;
    /// 2 for invalid flags; 3 when nginx or wrk is missing or nginx could not start.
    /// </returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var errors = BenchOptions.TryParse(args, out var options);
        if (errors.Count > 0 || args.Contains("--help") || args.Contains("-h"))
        {
            foreach (string error in errors)
            {
                await output.WriteLineAsync("sim bench load: " + error).ConfigureAwait(false);
            }

            await output.WriteLineAsync(BenchOptions.Usage).ConfigureAwait(false);
            return errors.Count > 0 ? 2 : 0;
        }

        string? nginx = NginxTarget.Find();
        string? wrk = Wrk.Find();
        if (nginx is null || wrk is null)
        {
            await output.WriteLineAsync($"sim bench load: {(nginx is null ? "nginx" : "wrk")} is not installed: apt-get install -y {(nginx is null ? "nginx-light" : "wrk")}").ConfigureAwait(false);
            return 3;
        }

        NginxTarget target;
        try
        {
            target = await NginxTarget.StartAsync(nginx, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            await output.WriteLineAsync("sim bench load: could not start nginx: " + exception.Message).ConfigureAwait(false);
            return 3;
        }

        await using (target.ConfigureAwait(false))
        {
            var result = await MeasureAsync(options, target.Url, wrk, output, cancellationToken).ConfigureAwait(false);
            if (options.OutputDirectory is { } folder)
            {
                Directory.CreateDirectory(folder);
                string path = Path.Combine(folder, FileName);
                await File.WriteAllTextAsync(path, JsonSerializer.Serialize(result, Json) + "\n", cancellationToken).ConfigureAwait(false);
                await output.WriteLineAsync("wrote " + path).ConfigureAwait(false);
            }

            return options.Check && result.Targets.Any(t => !t.Met) ? 1 : 0;
        }
    }

    private static async Task<BenchResult> MeasureAsync(BenchOptions options, Uri url, string wrk, TextWriter output, CancellationToken cancellationToken)
    {
        int c = options.Connections;
        await Line(output, $"target: nginx (1 worker) serving a {NginxTarget.FileSize}-byte file at {url}; {Environment.ProcessorCount} cores, {RuntimeInformation.FrameworkDescription}");
        using var client = Client(c);

        if (options.Warmup > TimeSpan.Zero)
        {
            await Line(output, $"warm-up: engine, closed model, {c} connections, {Seconds(options.Warmup)}");
            await RunEngineAsync(client, url, new ConstantConcurrency(c), options.Warmup, cancellationToken).ConfigureAwait(false);
        }

        WorkloadResult open;
        (int Gen0, int Gen2, double PauseMs) openGc;
        long engineRss, closedOk = 0, closedErrors = 0;
        double wrkTotal = 0, engineCpuUs;
        var closedP99 = new List<double>();
        int rounds = options.RoundCount;
        var round = TimeSpan.FromSeconds(Math.Round(options.Duration.TotalSeconds / rounds));
        await using (var rss = new RssSampler(TimeSpan.FromMilliseconds(250)))
        {
            var cpu = TimeSpan.Zero;
            for (int r = 1; r <= rounds; r++)
            {
                var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
                var closed = await RunEngineAsync(client, url, new ConstantConcurrency(c), round, cancellationToken).ConfigureAwait(false);
                cpu += System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
                closedOk += closed.Ok;
                closedErrors += closed.Failed + closed.Unknown;
                if (closed.Latency is { } latency)
                {
                    closedP99.Add(latency.P99);
                }

                // wrk right after the engine, so both see the machine in the same state.
                var (wrkRps, wrkOutput) = await Wrk.RunAsync(wrk, url, options.Threads, c, round, cancellationToken).ConfigureAwait(false);
                wrkTotal += wrkRps;
                long wrkErrors = Wrk.ParseNon2xx(wrkOutput);
                double roundRps = closed.Ok / round.TotalSeconds;
                await Line(output, $"round {r}/{rounds}, {Seconds(round)} each: (a) engine closed model {c} connections {roundRps:0} req/s OK ({Errors(closed)}, p99 {closed.Latency?.P99:0.##} ms); (b) wrk -t{options.Threads} -c{c} {wrkRps:0} req/s{(wrkErrors > 0 ? $" ({wrkErrors} non-2xx: not comparable)" : string.Empty)}; ratio {(wrkRps > 0 ? roundRps / wrkRps : 0):0.###}");
            }

            engineCpuUs = closedOk > 0 ? Math.Round(cpu.TotalMicroseconds / closedOk, 1) : 0;
            var pauseBefore = GC.GetTotalPauseDuration();
            int gen0Before = GC.CollectionCount(0), gen2Before = GC.CollectionCount(2);
            open = await RunEngineAsync(client, url, new ConstantRate(options.Rate), options.OpenDuration, cancellationToken).ConfigureAwait(false);
            openGc = (GC.CollectionCount(0) - gen0Before, GC.CollectionCount(2) - gen2Before, (GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds);
            engineRss = rss.MaxBytes;
        }

        // The engine's own cost per iteration, without HTTP: what the closed figure would gain from a leaner engine.
        var overheadCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var noop = await RunEngineAsync(new NoOpWorkload(), new ConstantConcurrency(c), TimeSpan.FromSeconds(3), cancellationToken).ConfigureAwait(false);
        double overheadUs = noop.Ok > 0 ? Math.Round((System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - overheadCpu).TotalMicroseconds / noop.Ok, 2) : 0;

        double engineRps = Math.Round(closedOk / (round.TotalSeconds * rounds), 1);
        double wrkRate = Math.Round(wrkTotal / rounds, 1);
        double ratio = wrkRate > 0 ? Math.Round(engineRps / wrkRate, 3) : 0;
        await Line(output, $"(a) engine, closed model, {c} connections, {Seconds(round * rounds)}: {engineRps:0} req/s OK ({closedErrors} errors), {engineCpuUs:0.#} µs of CPU per request (the whole process)");
        await Line(output, $"    of which the engine itself: {overheadUs:0.##} µs of CPU per iteration (no-op workload, closed model, {c} users, 3s: {noop.Ok / 3.0:0} iterations/s)");
        await Line(output, $"(b) wrk -t{options.Threads} -c{c} -d{Seconds(round * rounds)}: {wrkRate:0} req/s");
        await Line(output, $"    engine closed / wrk = {ratio:0.###} (target ≥ {ClosedToWrkTarget})");

        double achieved = open.AchievedRate ?? 0;
        var lateness = open.StartLateness;
        await Line(output, $"(c) engine, open model, {options.Rate:0.###}/s for {Seconds(options.OpenDuration)}: achieved {achieved:0.##}/s ({achieved / options.Rate:P2} of target), {open.Dropped} dropped, {Errors(open)}, p99 {open.Latency?.P99:0.##} ms");
        await Line(output, $"    start lateness p50 {lateness?.P50:0.###} ms, p99 {lateness?.P99:0.###} ms, max {lateness?.Max:0.###} ms (target p99 ≤ {LatenessP99TargetMs} ms)");
        await Line(output, $"    garbage collections during it: {openGc.Gen0} (gen2: {openGc.Gen2}), {openGc.PauseMs:0.#} ms paused in all");
        await Line(output, $"    RSS max during the engine runs: {RssSampler.Mib(engineRss):0.#} MiB");

        SoakResult? soak = null;
        if (options.Soak is { } soakFor)
        {
            await Line(output, $"(d) soak: engine, open model, {options.SoakRate:0.###}/s for {Seconds(soakFor)}, RSS sampled every second …");
            var soakRss = new RssSampler(TimeSpan.FromSeconds(1));
            long startRss = soakRss.FirstBytes;
            WorkloadResult run;
            try
            {
                run = await RunEngineAsync(client, url, new ConstantRate(options.SoakRate), soakFor, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await soakRss.DisposeAsync().ConfigureAwait(false);
            }

            soak = new SoakResult(
                soakFor.TotalSeconds, options.SoakRate, run.AchievedRate ?? 0, RssSampler.Mib(soakRss.MaxBytes), RssSampler.Mib(startRss), RssSampler.Mib(soakRss.LastBytes), run.StartLateness?.P99);
            await Line(output, $"    achieved {soak.AchievedRate:0.##}/s, {run.Dropped} dropped, {Errors(run)}; RSS {soak.StartRssMb:0.#} MiB at start, {soak.EndRssMb:0.#} MiB at end, max {soak.MaxRssMb:0.#} MiB (target < {RssTargetMb} MiB)");
        }

        var targets = new List<BenchTarget>
        {
            new("closed / wrk", $">= {ClosedToWrkTarget}", ratio, ratio >= ClosedToWrkTarget),
            new("open achieved / target", $">= {1 - AchievedWithin}", Math.Round(achieved / options.Rate, 4), achieved >= options.Rate * (1 - AchievedWithin)),
            new("open start lateness p99 (ms)", $"<= {LatenessP99TargetMs}", lateness?.P99, lateness is { } l && l.P99 <= LatenessP99TargetMs),
            soak is null
                ? new("RSS during the engine runs (MiB)", $"< {RssTargetMb}", RssSampler.Mib(engineRss), RssSampler.Mib(engineRss) < RssTargetMb)
                : new($"soak max RSS at {soak.TargetRate:0}/s for {Seconds(TimeSpan.FromSeconds(soak.DurationSeconds))} (MiB)", $"< {RssTargetMb}", soak.MaxRssMb, soak.MaxRssMb < RssTargetMb),
        };
        foreach (var t in targets)
        {
            await Line(output, $"target {t.Name} {t.Target}: {t.Actual?.ToString("0.###", CultureInfo.InvariantCulture) ?? "not measured"} — {(t.Met ? "met" : "MISSED")}");
        }

        return new BenchResult(engineRps, wrkRate, ratio, options.Rate, Math.Round(achieved, 3), lateness?.P99, RssSampler.Mib(engineRss))
        {
            Connections = c,
            DurationSeconds = round.TotalSeconds * rounds,
            EngineClosedErrors = closedErrors,
            EngineClosedP99Ms = closedP99.Count > 0 ? closedP99.Max() : null,
            EngineCpuMicrosecondsPerRequest = engineCpuUs,
            EngineOverheadMicrosecondsPerIteration = overheadUs,
            Rounds = rounds,
            WrkThreads = options.Threads,
            OpenDurationSeconds = options.OpenDuration.TotalSeconds,
            OpenDropped = open.Dropped,
            OpenErrors = open.Failed + open.Unknown,
            OpenStartLatenessP50Ms = lateness?.P50,
            OpenStartLatenessMaxMs = lateness?.Max,
            OpenP99Ms = open.Latency?.P99,
            OpenGcCollections = openGc.Gen0,
            OpenGcPauseMs = Math.Round(openGc.PauseMs, 2),
            Soak = soak,
            Cores = Environment.ProcessorCount,
            Dotnet = RuntimeInformation.FrameworkDescription,
            Os = RuntimeInformation.OSDescription,
            Targets = targets,
        };
    }

    private static HttpClient Client(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(connections, 256),
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    private static Task<WorkloadResult> RunEngineAsync(HttpClient client, Uri url, LoadModel model, TimeSpan duration, CancellationToken cancellationToken)
        => RunEngineAsync(new HttpWorkload(client, new HttpWorkloadOptions { Url = url, Timeout = TimeSpan.FromSeconds(5) }, TimeProvider.System), model, duration, cancellationToken);

    private static async Task<WorkloadResult> RunEngineAsync(IWorkload workload, LoadModel model, TimeSpan duration, CancellationToken cancellationToken)
    {
        var plan = new LoadPlan(duration, [new WorkloadPlan("bench", "local", model) { MaxInFlight = 1000 }]) { GracePeriod = TimeSpan.FromSeconds(5) };
        var result = await LoadRun.RunAsync(plan, [workload], TimeProvider.System, cancellationToken).ConfigureAwait(false);
        return result.Workloads[0];
    }

    private static string Errors(WorkloadResult result)
        => result.ErrorKinds.Count == 0
            ? "no errors"
            : string.Join(", ", result.ErrorKinds.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Value} {p.Key}")));

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";

    private static Task Line(TextWriter output, FormattableString text) => output.WriteLineAsync(text.ToString(CultureInfo.InvariantCulture));
}
