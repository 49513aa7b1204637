using System.Globalization;
using System.Text.Json;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Bench;

/// <summary>
/// <c>sim bench failover &lt;scenario.yaml&gt; [--runs N] [--duration D] [--out DIR]</c>: the same failover scenario N
/// times (5 by default), each run a full <c>sim run</c> with its own reports in <c>DIR/run-K/</c>, judged against
/// issue 6's targets — every region's RTO ≤ 15 s with the fast timing profile, no acknowledged write lost with
/// synchronous replication — in <em>every</em> run, since one lucky run proves nothing about failover.
/// Writes <c>DIR/failover-bench.json</c>; exits 0 when every run met every applicable target, 1 otherwise.
/// </summary>
public static class FailoverBenchmark
{
    /// <summary>The result file written to the output folder.</summary>
    public const string ResultFileName = "failover-bench.json";

    private const int DefaultRuns = 5;
    private const int MaxRuns = 50;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Runs the benchmark; returns the <c>sim</c> exit code.</summary>
    public static async Task<int> RunAsync(CliArguments args, TimeProvider time, TextWriter console, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(console);
        var runs = ParseRuns(args.Option("runs"));
        var duration = args.Option("duration");
        var output = args.Option("out");
        args.RejectUnknownOptions();
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("bench failover takes one scenario file, e.g. scenarios/primary-node-loss.yaml");
        }

        var scenario = ScenarioFiles.Load(args.Positionals[0], duration, Console.Error);
        if (scenario is null)
        {
            return ExitCodes.InvalidInput;
        }

        var topology = DatabasePlan.Apply(scenario, ScenarioFiles.TopologyOf(scenario));
        if (topology.Patroni is not { } patroni || scenario.Faults.Count == 0)
        {
            await Console.Error.WriteLineAsync($"{scenario.SourcePath ?? scenario.Name}: bench failover needs a scenario with faults on a Patroni topology ({string.Join(", ", TopologyCatalog.All.Values.Where(t => t.IsPatroni).Select(t => t.Name))}); {scenario.Name} runs on {topology.Name}{(scenario.Faults.Count == 0 ? " and has no faults" : "")}");
            return ExitCodes.InvalidInput;
        }

        var targets = TargetsFor(patroni);
        output ??= Path.Combine("out", $"{scenario.Name}-failover-bench-{time.GetUtcNow():yyyyMMdd-HHmmss}");
        await console.WriteLineAsync(Invariant($"failover benchmark: {scenario.Name} on {topology.Name}, {runs} runs, replication {patroni.Replication}, timing {patroni.Timing.Name}; load average {LoadAverage()}"));
        var trials = new List<FailoverTrial>();
        for (var run = 1; run <= runs; run++)
        {
            await console.WriteLineAsync(Invariant($"== run {run} of {runs}"));
            var folder = Path.Combine(output, Invariant($"run-{run}"));
            try
            {
                var report = await new ScenarioRun(scenario, ScenarioFiles.TopologyOf(scenario), folder, console).RunAsync(time, cancellationToken);
                trials.Add(FailoverTrial.Of(run, folder, report));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && trials.Count > 0)
            {
                break;
            }

            if (trials[^1].Cancelled)
            {
                break;
            }
        }

        // Written even when interrupted: the runs that finished are kept.
        var summary = new FailoverBenchSummary(trials, targets);
        await console.WriteLineAsync("summary:");
        await console.WriteAsync(summary.Render());
        await console.WriteLineAsync(Invariant($"  load average at the end {LoadAverage()}"));
        Directory.CreateDirectory(output);
        var path = Path.Combine(output, ResultFileName);
        var document = new { scenario = scenario.Name, topology = topology.Name, replication = patroni.Replication.ToString(), timing = patroni.Timing.Name, summary.Targets, summary.Passed, summary.RunsWithinRto, summary.RunsWithoutLoss, summary.RunsWithoutSplitBrain, summary.RtoSpreads, summary.Trials };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, Json) + "\n", CancellationToken.None);
        await console.WriteLineAsync($"wrote {Path.GetFullPath(path)}");
        return trials.Count < runs || trials.Any(t => t.Cancelled) ? ExitCodes.Interrupted
            : summary.Passed ? ExitCodes.Passed
            : ExitCodes.ThresholdFailed;
    }

    /// <summary>The targets that apply to a cluster's replication and timing profile.</summary>
    public static FailoverTargets TargetsFor(PatroniClusterOptions patroni)
    {
        ArgumentNullException.ThrowIfNull(patroni);
        return new FailoverTargets(
            patroni.Timing == PatroniTiming.Fast ? FailoverTargets.FastProfileRtoSeconds : null,
            patroni.Replication is PatroniReplication.Sync or PatroniReplication.SyncStrict);
    }

    private static int ParseRuns(string? text)
    {
        if (text is null)
        {
            return DefaultRuns;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var runs) && runs is >= 1 and <= MaxRuns
            ? runs
            : throw new CliUsageException(Invariant($"--runs takes a whole number from 1 to {MaxRuns}, not '{text}'"));
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
