namespace Simulator.AppHost.ControlRoom;

/// <summary>The load profiles the control room offers, by name.</summary>
public static class LoadProfiles
{
    /// <summary>A light order import: 2 orders/s on each region for 2 minutes.</summary>
    public static LoadProfile LightImport { get; } = new(
        "light-import", "2 orders/s of 1-5 lines on each region's ingress for 2 minutes", 2, TimeSpan.FromMinutes(2), new(1, 5));

    /// <summary>A busier order import: 10 orders/s on each region for 5 minutes.</summary>
    public static LoadProfile BusyImport { get; } = new(
        "busy-import", "10 orders/s of 5-30 lines on each region's ingress for 5 minutes", 10, TimeSpan.FromMinutes(5), new(5, 30));

    /// <summary>Every profile, in the order the dashboard offers them.</summary>
    public static IReadOnlyList<LoadProfile> All { get; } = [LightImport, BusyImport];

    /// <summary>The profile of that name, or null.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The profile, or null.</returns>
    public static LoadProfile? Find(string? name) => All.FirstOrDefault(p => p.Name == name);
}
