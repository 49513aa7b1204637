using Simulator.Scenarios;

namespace Simulator.AppHost.Topology;

/// <summary>Exposes <see cref="TopologyCatalog"/> (and inline topologies) to the scenario validator.</summary>
public sealed class ScenarioTopologyCatalog : ITopologyCatalog
{
    /// <summary>The one instance; the catalogue is static.</summary>
    public static ScenarioTopologyCatalog Instance { get; } = new();

    /// <inheritdoc />
    public IReadOnlyCollection<string> TopologyNames => [.. TopologyCatalog.All.Keys];

    /// <inheritdoc />
    public TopologyOutline? Find(string topologyName) => TopologyCatalog.Find(topologyName)?.ToOutline();

    /// <summary>An inline topology's outline, with every resource the native runtime would create for it.</summary>
    public TopologyOutline Outline(TopologyDefinition definition) => TopologyDefinitionMapping.ToSpec(definition).ToOutline();
}
