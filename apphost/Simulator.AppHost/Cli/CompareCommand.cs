using Simulator.AppHost.Run;
using Simulator.AppHost.Runtime;
using Simulator.AppHost.Topology;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Comparison;

namespace Simulator.AppHost.Cli;

/// <summary>
/// <c>sim compare &lt;scenario.yaml&gt; --topologies a,b[,c] [--out DIR] [--duration D] [--runtime …]</c>: the same
/// scenario on each topology in turn — catalogue names, the scenario's inline topology by its name, or topology files
/// (<see cref="TopologyCandidates"/>) — each run's reports in <c>DIR/&lt;topology&gt;/</c>, and one side-by-side
/// comparison (<c>comparison.json</c>, <c>.md</c>, <c>.html</c>) in <c>DIR</c>.
/// </summary>
public static class CompareCommand
{
    /// <summary>Runs the verb; 0 when the scenario passed on every topology, 1 when it failed on one.</summary>
    public static async Task<int> RunAsync(CliArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(time);
        var output = args.Option("out");
        var runtime = args.Option("runtime");
        var duration = args.Option("duration");
        var names = args.Option("topologies");
        args.RejectUnknownOptions();
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("compare takes one scenario file");
        }

        var references = ParseTopologies(names);
        var files = TopologyCandidates.LoadFiles(references, Console.Error);
        var scenario = files is null ? null : ScenarioFiles.Load(args.Positionals[0], duration, Console.Error, [.. files.Values]);
        var topologies = scenario is null ? null : TopologyCandidates.Resolve(references, files!, scenario, Console.Error, where: string.Empty);
        if (scenario is null || topologies is null)
        {
            return ExitCodes.InvalidInput;
        }

        // Everything that would stop a later topology's run is found before the first one starts.
        var problems = new List<string>();
        foreach (var topology in topologies)
        {
            try
            {
                LoadPlanFactory.EnsureRunnable(ScenarioFiles.On(scenario, topology), topology);
            }
            catch (UnsupportedScenarioException ex)
            {
                problems.Add($"on {topology.Name}: {ex.Message}");
            }
        }

        if (problems.Count > 0)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, problems));
            return ExitCodes.InvalidInput;
        }

        Console.WriteLine(await RuntimeSelector.ChooseAsync(runtime, ContainerEngineProbe.Default, cancellationToken));
        output ??= Path.Combine("out", $"{scenario.Name}-compare-{time.GetUtcNow():yyyyMMdd-HHmmss}");
        var startedAt = time.GetUtcNow();
        var reports = new List<LoadReport>();
        var runs = new List<ComparedRun>();
        var cancelled = false;
        foreach (var topology in topologies)
        {
            Console.WriteLine($"== {scenario.Name} on {topology.Name} ({reports.Count + 1} of {topologies.Count})");
            var folder = Path.Combine(output, topology.Name);
            LoadReport report;
            try
            {
                report = await new ScenarioRun(ScenarioFiles.On(scenario, topology), topology, folder, Console.Out).RunAsync(time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && reports.Count > 0)
            {
                cancelled = true;
                break;
            }

            reports.Add(report);
            runs.Add(ComparedRun.Of(report, $"{topology.Name}/{ReportJson.FileName}", topology.ResourceNames().Count));
            if (report.Cancelled)
            {
                cancelled = true;
                break;
            }
        }

        // Written even when interrupted: what was measured is kept.
        var comparison = new ComparisonReport(scenario.Name, "native", reports[0].Machine, startedAt, runs);
        await ComparisonWriter.WriteAllAsync(comparison, reports, output, CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine(ComparisonMarkdown.Render(comparison));
        Console.WriteLine($"Comparison in {Path.GetFullPath(output)}: {ComparisonJson.FileName}, {ComparisonMarkdown.FileName}, {ComparisonHtml.FileName}");
        return cancelled ? ExitCodes.Interrupted
            : comparison.Passed ? ExitCodes.Passed
            : ExitCodes.ThresholdFailed;
    }

    /// <summary>The <c>--topologies</c> items as written: names and topology files (<see cref="TopologyCandidates"/>).</summary>
    private static string[] ParseTopologies(string? names)
    {
        var list = (names ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (list.Length < 2)
        {
            throw new CliUsageException("compare needs --topologies with at least two names or topology files, e.g. --topologies single-region-ha,two-region or --topologies two-region,./my-variant.yaml");
        }

        return list.Distinct(StringComparer.Ordinal).Count() != list.Length
            ? throw new CliUsageException("--topologies names a topology twice")
            : list;
    }
}
