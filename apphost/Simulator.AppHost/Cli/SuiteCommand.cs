using Simulator.AppHost.Run;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Suite;
using Simulator.Scenarios;

namespace Simulator.AppHost.Cli;

/// <summary>
/// <c>sim suite &lt;suite.yaml&gt; [--out DIR] [--fresh]</c>: the runs a suite file lists (a nightly resilience job's
/// short forms), one after another on the native runtime, consecutive runs on the same topology sharing one stand-up
/// (<see cref="SuiteRunner"/>; <c>--fresh</c>: each its own), each run's reports in <c>DIR/NN-&lt;scenario&gt;-&lt;topology&gt;/</c>
/// and one summary (<c>suite.json</c>, <c>suite.md</c>, a <c>junit.xml</c> holding every run's thresholds) in
/// <c>DIR</c>. Every scenario is loaded and checked against its topologies before the first run starts.
/// </summary>
public static class SuiteCommand
{
    /// <summary>
    /// Runs the verb: 0 when every run passed, 1 when a threshold failed, 3 when a run could not run (the others still
    /// ran), 2 for a suite or scenario with errors, 130 when interrupted (what ran is still summarised).
    /// </summary>
    public static async Task<int> RunAsync(CliArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(time);
        var output = args.Option("out");
        var fresh = args.Flag("fresh");
        args.RejectUnknownOptions();
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("suite takes one suite file");
        }

        var (suite, errors) = SuiteLoader.Load(args.Positionals[0]);
        if (suite is null)
        {
            foreach (var error in errors)
            {
                await Console.Error.WriteLineAsync(error.ToString());
            }

            await Console.Error.WriteLineAsync(errors.Count == 1 ? "1 error" : $"{errors.Count} errors");
            return ExitCodes.InvalidInput;
        }

        var runs = Plan(suite, Console.Error);
        if (runs is null)
        {
            return ExitCodes.InvalidInput;
        }

        output ??= Path.Combine("out", $"{suite.Name}-{time.GetUtcNow():yyyyMMdd-HHmmss}");
        Console.WriteLine(fresh
            ? $"Suite {suite.Name}: {runs.Count} runs, one after another on the native runtime, each on a fresh stand-up"
            : $"Suite {suite.Name}: {runs.Count} runs, one after another on the native runtime, consecutive runs on the same topology sharing one stand-up");
        var (summary, _, interrupted) = await new SuiteRunner(Console.Out) { Fresh = fresh }.RunAsync(suite.Name, runs, output, time, cancellationToken);
        var results = summary.Runs;
        Console.WriteLine();
        Console.WriteLine(SuiteMarkdown.Render(summary));
        Console.WriteLine($"Suite summary in {Path.GetFullPath(output)}: {SuiteWriter.JsonFileName}, {SuiteMarkdown.FileName}, {ReportJUnit.FileName}");
        return interrupted ? ExitCodes.Interrupted
            : results.Any(r => r.Verdict == SuiteVerdicts.Error) ? ExitCodes.EnvironmentFailed
            : summary.Passed ? ExitCodes.Passed
            : ExitCodes.ThresholdFailed;
    }

    /// <summary>
    /// Every (scenario, topology) pair the suite runs, each scenario loaded with its run's duration and checked on each
    /// of its topologies; null when anything is wrong (every problem printed, each under the suite line that asks for it).
    /// </summary>
    public static IReadOnlyList<SuiteRun>? Plan(Suite suite, TextWriter errors)
    {
        var runs = new List<SuiteRun>();
        var failed = false;
        foreach (var entry in suite.Runs)
        {
            var duration = entry.Duration is { } shortened ? DurationParser.Format(shortened) : null;
            var where = $"{suite.File}:{entry.Line}";
            var files = TopologyCandidates.LoadFiles(entry.Topologies, errors);
            var scenario = files is null ? null : ScenarioFiles.Load(entry.Scenario, duration, errors, [.. files.Values]);
            if (scenario is null)
            {
                errors.WriteLine(files is null ? $"  (the topology files of the run at {where})" : $"  (the scenario of the run at {where})");
                failed = true;
                continue;
            }

            // A known breach names one of the scenario's thresholds, as written (spacing aside).
            foreach (var breach in entry.KnownBreaches.Where(b => !scenario.Thresholds.Any(t => b.Names(t.Expression))))
            {
                errors.WriteLine(
                    $"{suite.File}:{breach.Line}:{breach.Column}: known_breaches: `{breach.Threshold}` is not a threshold of {scenario.Name} "
                    + $"(hint: write one of them as the scenario does: {string.Join("; ", scenario.Thresholds.Select(t => t.Expression))})");
                failed = true;
            }

            // The scenario's own topology (inline or named), unless the run names topologies instead.
            var topologies = entry.Topologies.Count == 0
                ? [ScenarioFiles.TopologyOf(scenario)]
                : TopologyCandidates.Resolve(entry.Topologies, files!, scenario, errors, where);
            if (topologies is null)
            {
                failed = true;
                continue;
            }

            foreach (var topology in topologies)
            {
                var onIt = entry.Topologies.Count == 0 ? scenario : ScenarioFiles.On(scenario, topology);
                try
                {
                    LoadPlanFactory.EnsureRunnable(onIt, topology);
                    runs.Add(new SuiteRun(onIt, topology) { KnownBreaches = entry.KnownBreaches });
                }
                catch (UnsupportedScenarioException ex)
                {
                    errors.WriteLine($"{where}: {scenario.Name} on {topology.Name}: {ex.Message}");
                    failed = true;
                }
            }
        }

        return failed ? null : runs;
    }
}
