namespace Simulator.Scenarios;

/// <summary>
/// A topology as written in a file of <c>scenarios/topologies/</c> or inline under a scenario's <c>topology:</c>:
/// its regions, what each runs, and how the database replicates. The AppHost maps it onto its own topology spec.
/// </summary>
public sealed record TopologyDefinition
{
    /// <summary>The topology's name, e.g. <c>single-region-ha</c>; reports carry it.</summary>
    public required string Name { get; init; }

    /// <summary>One line for reports and listings.</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>The regions, the first holding the primary database (the first leader under Patroni).</summary>
    public required IReadOnlyList<TopologyRegion> Regions { get; init; }

    /// <summary>How the database runs and replicates.</summary>
    public TopologyDatabase Database { get; init; } = new();

    /// <summary>
    /// The tenants (Odoo databases), each on a database server of its region (the first by default) and served by that
    /// region's Odoo nodes only, possibly with a disaster-recovery replica in another region; empty for one database.
    /// Streaming replication only.
    /// </summary>
    public IReadOnlyList<TopologyTenant> Tenants { get; init; } = [];

    /// <summary>The file it was read from (for an inline topology, the scenario's), or null when built in code.</summary>
    public string? SourcePath { get; init; }
}
