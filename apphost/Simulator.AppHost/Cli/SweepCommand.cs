using System.Globalization;
using Simulator.AppHost.Run;
using Simulator.AppHost.Runtime;
using Simulator.AppHost.Sweep;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Sweep;
using Simulator.Scenarios;

namespace Simulator.AppHost.Cli;

/// <summary>
/// <c>sim sweep &lt;scenario.yaml&gt; --from R --to R [--step R | --factor F] [--step-duration D] [--out DIR]</c>:
/// runs the scenario at rising total rates (each step a whole run: stand up, load, check, tear down, its reports in
/// <c>DIR/step-N/</c>) until a threshold fails or the last rate ran, and writes <c>sweep.json</c>, <c>.md</c> and
/// <c>.html</c> with the knee and the throughput–latency curves.
/// </summary>
public static class SweepCommand
{
    /// <summary>Runs the verb; 0 when a knee was found (the first step passed), 1 when even the first step failed.</summary>
    public static async Task<int> RunAsync(CliArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(time);
        var output = args.Option("out");
        var runtime = args.Option("runtime");
        var stepDuration = args.Option("step-duration");
        var plan = new SweepPlan(
            RateOption(args, "from") ?? throw new CliUsageException("sweep needs --from, the first total rate (e.g. --from 10/s)"),
            RateOption(args, "to") ?? throw new CliUsageException("sweep needs --to, the highest total rate (e.g. --to 100/s)"),
            RateOption(args, "step"),
            args.Option("factor") is { } factor ? NumberOption("factor", factor) : 1.5);
        args.RejectUnknownOptions();
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("sweep takes one scenario file");
        }

        var problems = plan.Validate();
        if (problems.Count > 0)
        {
            throw new CliUsageException(string.Join("; ", problems));
        }

        var scenario = ScenarioFiles.Load(args.Positionals[0], stepDuration, Console.Error);
        if (scenario is null)
        {
            return ExitCodes.InvalidInput;
        }

        var topology = ScenarioFiles.TopologyOf(scenario);
        var refusals = SweepScaling.Problems(scenario);
        if (refusals.Count > 0)
        {
            await Console.Error.WriteLineAsync($"{scenario.SourcePath}: cannot sweep:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", refusals)}");
            return ExitCodes.InvalidInput;
        }

        var rates = plan.Rates().ToList();
        try
        {
            foreach (var rate in rates)
            {
                LoadPlanFactory.EnsureRunnable(SweepScaling.AtTotalRate(scenario, rate), topology);
            }
        }
        catch (UnsupportedScenarioException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.InvalidInput;
        }

        Console.WriteLine(await RuntimeSelector.ChooseAsync(runtime, ContainerEngineProbe.Default, cancellationToken));
        output ??= Path.Combine("out", $"{scenario.Name}-sweep-{time.GetUtcNow():yyyyMMdd-HHmmss}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Sweeping {scenario.Name} on {topology.Name}: {string.Join(", ", rates.Select(r => $"{r:0.##}/s"))}, {DurationParser.Format(scenario.Duration)} each, until a threshold fails"));
        var startedAt = time.GetUtcNow();
        var steps = new List<SweepStep>();
        string stopReason = "reached the last rate (--to)";
        MachineInfo? machine = null;
        var interrupted = false;
        foreach (var rate in rates)
        {
            var name = $"step-{steps.Count + 1}";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {name}: {rate:0.##}/s in all"));
            LoadReport report;
            try
            {
                report = await new ScenarioRun(SweepScaling.AtTotalRate(scenario, rate), topology, Path.Combine(output, name), Console.Out)
                    .RunAsync(time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested && steps.Count > 0)
            {
                interrupted = true;
                stopReason = "interrupted";
                break;
            }

            machine ??= report.Machine;
            if (report.Cancelled)
            {
                interrupted = true;
                stopReason = "interrupted";
                break;
            }

            var step = SweepStep.Of(rate, report, $"{name}/{ReportJson.FileName}");
            steps.Add(step);
            if (!step.Passed)
            {
                stopReason = string.Create(CultureInfo.InvariantCulture,
                    $"at {rate:0.##}/s {string.Join("; ", step.FailedThresholds.Select(t => $"{t.Expression} (actual {t.Actual})"))}");
                break;
            }
        }

        // Written even when interrupted: every finished step is kept.
        var sweep = new SweepReport(scenario.Name, topology.Name, "native", machine ?? MachineInfo.Current(), startedAt, scenario.Duration.TotalSeconds, steps, stopReason);
        await SweepWriter.WriteAllAsync(sweep, output, CancellationToken.None);
        Console.WriteLine();
        Console.WriteLine(SweepMarkdown.Render(sweep));
        Console.WriteLine($"Sweep in {Path.GetFullPath(output)}: {SweepJson.FileName}, {SweepMarkdown.FileName}, {SweepHtml.FileName}");
        return interrupted ? ExitCodes.Interrupted
            : sweep.KneeRate is not null ? ExitCodes.Passed
            : ExitCodes.ThresholdFailed;
    }

    private static double? RateOption(CliArguments args, string name)
    {
        if (args.Option(name) is not { } text)
        {
            return null;
        }

        return Rate.TryParse(text, out var rate, out var error)
            ? rate.PerSecond
            : throw new CliUsageException($"--{name}: {error}");
    }

    private static double NumberOption(string name, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new CliUsageException($"--{name}: `{text}` is not a number");
}
