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
}
