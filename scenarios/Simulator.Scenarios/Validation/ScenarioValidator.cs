namespace Simulator.Scenarios;

/// <summary>
/// Checks a scenario's meaning: positive durations, unique workloads, models that have what they
/// need, faults inside the run, thresholds that name existing workloads — and, with a topology
/// catalogue, that the topology, regions and resources it names exist. Every error is returned,
/// not only the first. <see cref="ScenarioLoader"/> runs it already; call it directly for a
/// scenario built or changed in code (after <see cref="Scenario.WithDuration"/>, for example).
/// </summary>
public static class ScenarioValidator
{
    /// <summary>Validates a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="catalog">When given, topology, region and resource names are checked against it.</param>
    /// <returns>Every error found, in file order when positions are known; empty when the scenario is valid.</returns>
    public static IReadOnlyList<ScenarioError> Validate(Scenario scenario, ITopologyCatalog? catalog = null) =>
        Validate(scenario, catalog, i => FieldPath.Index("thresholds", i));

    /// <summary>
    /// Validates with a custom field path per threshold: the loader leaves unreadable thresholds
    /// out of the model, so the model's index differs from the file's.
    /// </summary>
    internal static IReadOnlyList<ScenarioError> Validate(Scenario scenario, ITopologyCatalog? catalog, Func<int, string> thresholdPath)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var run = new ValidationRun(scenario, catalog, thresholdPath);
        run.Check();
        return [.. run.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
    }
}
