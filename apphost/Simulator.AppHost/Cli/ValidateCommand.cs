namespace Simulator.AppHost.Cli;

/// <summary><c>sim validate &lt;scenario.yaml&gt;</c>: list every error in a scenario file.</summary>
public static class ValidateCommand
{
    /// <summary>Runs the verb: exit 0 when the file is valid, 2 otherwise.</summary>
    public static int Run(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.RejectUnknownOptions();
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("validate takes one scenario file");
        }

        var scenario = ScenarioFiles.Load(args.Positionals[0], durationOverride: null, Console.Error);
        if (scenario is null)
        {
            return ExitCodes.InvalidInput;
        }

        Console.WriteLine($"{args.Positionals[0]}: valid ({scenario.Name}, {scenario.Workloads.Count} workload(s), {scenario.Faults.Count} fault(s), {scenario.Thresholds.Count} threshold(s))");
        return ExitCodes.Passed;
    }
}
