namespace Simulator.Scenarios;

/// <summary>The names in a topology that a scenario may refer to.</summary>
/// <param name="Name">The topology's catalogue name.</param>
/// <param name="Regions">Its regions, such as <c>eu</c> and <c>us</c>.</param>
/// <param name="Resources">Its resources, as faults name them, such as <c>eu-pg-1</c>.</param>
public sealed record TopologyOutline(string Name, IReadOnlyList<string> Regions, IReadOnlyList<string> Resources)
{
    /// <summary>The tenants (Odoo databases) its Odoo nodes serve, such as <c>acme</c>; empty for a topology with one database.</summary>
    public IReadOnlyList<string> Tenants { get; init; } = [];

    /// <summary>
    /// The region each tenant lives in, whose Odoo nodes alone serve it, by tenant; a tenant missing here is served in
    /// every region.
    /// </summary>
    public IReadOnlyDictionary<string, string> TenantRegions { get; init; } = new Dictionary<string, string>();
}
