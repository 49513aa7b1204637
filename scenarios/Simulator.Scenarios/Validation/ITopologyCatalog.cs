namespace Simulator.Scenarios;

/// <summary>
/// What the validator may know about topologies: their names, and for each its regions and
/// resources. With a catalogue, a scenario naming a missing topology, region or resource is an
/// error; without one, only the rules that need no topology apply.
/// </summary>
public interface ITopologyCatalog
{
    /// <summary>The names of the known topologies.</summary>
    IReadOnlyCollection<string> TopologyNames { get; }

    /// <summary>The outline of a topology.</summary>
    /// <param name="topologyName">The topology's catalogue name.</param>
    /// <returns>The outline, or <see langword="null"/> when the name is unknown.</returns>
    TopologyOutline? Find(string topologyName);

    /// <summary>
    /// The outline of a topology written inline in a scenario. By default its regions only (no resources known);
    /// a catalogue that knows how topologies become resources names them too.
    /// </summary>
    /// <param name="definition">The inline topology.</param>
    /// <returns>Its outline.</returns>
    TopologyOutline Outline(TopologyDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new TopologyOutline(definition.Name, [.. definition.Regions.Select(r => r.Name)], []);
    }
}
