using Simulator.Scenarios;

namespace Simulator.AppHost.Cli;

/// <summary>
/// <c>sim validate &lt;file.yaml&gt;</c>: list every error in a scenario file, or in a topology file (one whose top
/// level has <c>regions</c>, such as those of <c>scenarios/topologies/</c>).
/// </summary>
public static class ValidateCommand
{
    /// <summary>Runs the verb: exit 0 when the file is valid, 2 otherwise.</summary>
    public static int Run(CliArguments args)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.RejectUnknownOptions();
        if (args.Positionals.Count != 1)
        {
            throw new CliUsageException("validate takes one scenario or topology file");
        }

        var path = args.Positionals[0];
        if (File.Exists(path) && TopologyLoader.LooksLikeTopology(File.ReadAllText(path)))
        {
            return ValidateTopology(path);
        }

        var scenario = ScenarioFiles.Load(path, durationOverride: null, Console.Error);
        if (scenario is null)
        {
            return ExitCodes.InvalidInput;
        }

        Console.WriteLine($"{path}: valid ({scenario.Name}, {scenario.Workloads.Count} workload(s), {scenario.Faults.Count} fault(s), {scenario.Thresholds.Count} threshold(s))");
        return ExitCodes.Passed;
    }

    private static int ValidateTopology(string path)
    {
        var result = TopologyLoader.Load(path);
        if (!result.Succeeded)
        {
            ScenarioFiles.Print(result.Errors, Console.Error);
            return ExitCodes.InvalidInput;
        }

        var topology = result.Topology;
        Console.WriteLine($"{path}: valid topology ({topology.Name}, {topology.Regions.Count} region(s): {string.Join(", ", topology.Regions.Select(r => r.Name))}; database {topology.Database.Engine}{(topology.Database.WarmStandby ? ", warm standby" : "")})");
        return ExitCodes.Passed;
    }
}
