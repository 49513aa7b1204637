namespace Simulator.AppHost.ControlRoom;

/// <summary>
/// The topology as the dashboard shows it: parent of what the regions share (the fault proxy), carrying the
/// topology-wide commands (start a load profile, stop load, heal everything). It runs no process.
/// </summary>
/// <param name="name">The topology's name, e.g. <c>two-region</c>.</param>
public sealed class TopologyResource(string name) : Resource(name)
{
    /// <summary>The resource type the dashboard shows.</summary>
    public const string ResourceType = "Topology";
}
