namespace Simulator.Scenarios;

/// <summary>What the loader knows beyond the file itself.</summary>
public sealed record ScenarioLoadOptions
{
    /// <summary>No topology catalogue, the default workload kinds.</summary>
    public static ScenarioLoadOptions Default { get; } = new();

    /// <summary>When set, topology, region and resource names are checked against it.</summary>
    public ITopologyCatalog? Catalog { get; init; }

    /// <summary>The workload kinds, and the extra keys each accepts.</summary>
    public WorkloadKindRegistry WorkloadKinds { get; init; } = WorkloadKindRegistry.Default;

    /// <summary>
    /// Further checks the caller knows and this library does not, such as fault targets against the
    /// proxied links of the topology the scenario names. They run on the scenario as far as it could be
    /// read, after the validator and even when earlier stages found errors (unreadable parts are then
    /// placeholders: a fault of no kind, an empty target), so one pass lists every error. Their findings
    /// on a field already reported are dropped.
    /// </summary>
    public Func<Scenario, IReadOnlyList<ScenarioError>>? ExtraChecks { get; init; }
}
