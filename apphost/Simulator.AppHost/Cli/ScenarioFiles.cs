using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Scenarios;

namespace Simulator.AppHost.Cli;

/// <summary>Loads a scenario file for a verb, with every error printed compiler-style.</summary>
public static class ScenarioFiles
{
    /// <summary>
    /// Loads and validates <paramref name="path"/> against the topology catalogue (fault targets included),
    /// applying a <c>--duration</c> override. Null when the file has errors (already printed to stderr).
    /// </summary>
    public static Scenario? Load(string path, string? durationOverride, TextWriter errors) =>
        Load(path, durationOverride, errors, topologyFiles: []);

    /// <summary>
    /// <see cref="Load(string, string?, TextWriter)"/> for a run that was also given topologies by file (<c>sim compare
    /// --topologies a,./variant.yaml</c>, a suite run's <c>topologies:</c>): they are known by name beside the
    /// catalogue's, so a fault's <c>only-on:</c> may name them.
    /// </summary>
    public static Scenario? Load(string path, string? durationOverride, TextWriter errors, IReadOnlyList<TopologySpec> topologyFiles)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(topologyFiles);
        var catalog = topologyFiles.Count == 0 ? ScenarioTopologyCatalog.Instance : new ScenarioTopologyCatalog(topologyFiles);
        var result = ScenarioLoader.Load(path, OptionsFor(catalog));
        if (!result.Succeeded)
        {
            Print(result.Errors, errors);
            return null;
        }

        var scenario = result.Scenario;

        if (durationOverride is null)
        {
            return scenario;
        }

        if (!DurationParser.TryParse(durationOverride, out var duration, out var problem))
        {
            errors.WriteLine($"--duration: {problem}");
            return null;
        }

        var shortened = scenario.WithDuration(duration);
        var shortenedErrors = ScenarioValidator.Validate(shortened, catalog);
        if (shortenedErrors.Count > 0)
        {
            errors.WriteLine($"with --duration {durationOverride}:");
            Print(shortenedErrors, errors);
            return null;
        }

        return shortened;
    }

    /// <summary>
    /// The topology catalogue, and fault targets checked against the topology the scenario names (roles need
    /// Patroni, links must exist) and the <c>database:</c> set-up (Patroni only) in the same pass as the loader's own checks, so every error is listed at once.
    /// </summary>
    public static ScenarioLoadOptions LoadOptions { get; } = OptionsFor(ScenarioTopologyCatalog.Instance);

    /// <summary>
    /// The topology <paramref name="scenario"/> runs on when it is run on <paramref name="topology"/> instead of its
    /// own (<c>sim compare</c>, a suite run's <c>topologies:</c>): named after it, so the faults marked <c>only-on</c>
    /// it — and only those — apply (<see cref="Fault.AppliesTo"/>).
    /// </summary>
    public static Scenario On(Scenario scenario, TopologySpec topology)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(topology);
        return scenario with { Topology = topology.Name, InlineTopology = null };
    }

    /// <summary>
    /// The topology <paramref name="scenario"/> writes inline, or the catalogue one it names (<c>single-region-ha</c>
    /// when it names none).
    /// </summary>
    /// <exception cref="CliUsageException">The catalogue has no topology of that name.</exception>
    public static TopologySpec TopologyOf(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Resolve(scenario with { Topology = scenario.Topology ?? TopologyCatalog.SingleRegionHa.Name }, ScenarioTopologyCatalog.Instance)
            ?? throw new CliUsageException($"unknown topology '{scenario.Topology}'");
    }

    private static ScenarioLoadOptions OptionsFor(ScenarioTopologyCatalog catalog) => new()
    {
        Catalog = catalog,
        ExtraChecks = scenario => Resolve(scenario, catalog) is { } topology
            ? [.. DatabasePlan.Validate(scenario, topology), .. FaultPlan.Validate(scenario, topology)]
            : [],
    };

    /// <summary>The inline topology's spec, or the named one (catalogue, or given by file); null when it names none or an unknown one.</summary>
    private static TopologySpec? Resolve(Scenario scenario, ScenarioTopologyCatalog catalog) =>
        scenario.InlineTopology is { } inline ? (inline.Regions.Count > 0 ? TopologyDefinitionMapping.ToSpec(inline) : null)
        : scenario.Topology is { } name ? catalog.Spec(name)
        : null;

    /// <summary>Prints every error compiler-style, then their count.</summary>
    public static void Print(IReadOnlyList<ScenarioError> found, TextWriter errors)
    {
        foreach (var error in found)
        {
            errors.WriteLine(error.ToString());
        }

        errors.WriteLine(found.Count == 1 ? "1 error" : $"{found.Count} errors");
    }
}
