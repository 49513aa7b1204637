namespace Simulator.Scenarios;

/// <summary>
/// The keys the loader accepts in a topology file (and in an inline <c>topology:</c>), mapping by mapping. The JSON
/// Schema <c>scenarios/schema/topology.schema.json</c> and <c>docs/scenario-reference.md</c> are tested against them.
/// </summary>
public static class TopologyVocabulary
{
    /// <summary>The top level of a topology.</summary>
    public static IReadOnlyList<string> TopologyKeys { get; } = ["name", "description", "regions", "database", "tenants"];

    /// <summary>The keys of one of <c>regions</c>.</summary>
    public static IReadOnlyList<string> RegionKeys { get; } = ["name", "odoo_nodes", "odoo_workers", "database_replicas", "nofailover", "nosync"];

    /// <summary>The most HTTP workers one Odoo server may run (<c>odoo_workers</c>).</summary>
    public const int MaxOdooWorkers = 64;

    /// <summary>The keys of one of <c>tenants</c>.</summary>
    public static IReadOnlyList<string> TenantKeys { get; } = ["name", "region", "database_server", "dr_region"];

    /// <summary>The keys of <c>database</c>.</summary>
    public static IReadOnlyList<string> DatabaseKeys { get; } = ["engine", "replication", "timing", "warm_standby"];

    /// <summary>Every mapping of a topology by its path (<c>[]</c> for any item of a list), and its keys.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Mappings { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [string.Empty] = TopologyKeys,
        ["regions[]"] = RegionKeys,
        ["database"] = DatabaseKeys,
        ["tenants[]"] = TenantKeys,
    }.AsReadOnly();
}
