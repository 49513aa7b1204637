using System.Globalization;
using Simulator.AppHost.Run;
using Simulator.AppHost.Run.Containers;
using Simulator.AppHost.Runtime;
using Simulator.Load.Ledger;
using Simulator.Load.Reports;

namespace Simulator.AppHost.Cli;

/// <summary>
/// <c>sim run &lt;scenario.yaml&gt; [--out DIR] [--runtime auto|native|containers] [--duration D] [--endpoints FILE]</c>.
/// </summary>
public static class RunCommand
{
    /// <summary>Runs the verb; returns 0 when every threshold passed, 1 when one failed.</summary>
    public static async Task<int> RunAsync(CliArguments args, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(time);
        var output = args.Option("out");
        var runtime = args.Option("runtime");
        var duration = args.Option("duration");
        var endpoints = args.Option("endpoints");
        args.RejectUnknownOptions();
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("run takes one scenario file");
        }

        var scenario = ScenarioFiles.Load(args.Positionals[0], duration, Console.Error);
        if (scenario is null)
        {
            return ExitCodes.InvalidInput;
        }

        var choice = await RuntimeSelector.ChooseAsync(runtime, ContainerEngineProbe.Default, cancellationToken, verbRunsContainers: true);
        Console.WriteLine(choice);
        var topology = ScenarioFiles.TopologyOf(scenario);
        output ??= Path.Combine("out", $"{scenario.Name}-{time.GetUtcNow():yyyyMMdd-HHmmss}");

        LoadReport report;
        try
        {
            report = await new ScenarioRun(scenario, topology, output, Console.Out)
            {
                EndpointsFile = endpoints,
                Runtime = choice.Runtime,
                Engine = choice.Engine is { } engine ? new CliContainerEngine(engine, CliContainerEngine.DefaultTimeout) : null,
            }.RunAsync(time, cancellationToken);
        }
        catch (UnsupportedScenarioException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return ExitCodes.InvalidInput;
        }

        Console.WriteLine();
        Console.WriteLine(ReportMarkdown.Render(report));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Reports in {Path.GetFullPath(output)}: {string.Join(", ", ReportWriter.FileNames)}, {LedgerWriter.FileName}; resource logs in logs/"));
        return report.Cancelled ? ExitCodes.Interrupted
            : report.Passed ? ExitCodes.Passed
            : ExitCodes.ThresholdFailed;
    }
}
