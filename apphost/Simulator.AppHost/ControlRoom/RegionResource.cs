namespace Simulator.AppHost.ControlRoom;

/// <summary>
/// A region of the topology as the dashboard shows it: a resource of its own, parent of the region's nodes, carrying
/// the region's network commands (isolate, add latency, heal). It runs no process.
/// </summary>
/// <param name="name">The region's name, e.g. <c>eu</c>.</param>
public sealed class RegionResource(string name) : Resource(name)
{
    /// <summary>The resource type the dashboard shows.</summary>
    public const string ResourceType = "Region";
}
