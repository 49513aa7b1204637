using Simulator.Scenarios;

namespace Simulator.AppHost.Topology;

/// <summary>
/// Exposes <see cref="TopologyCatalog"/> (and inline topologies) to the scenario validator, with the topologies a run
/// was given by file (<c>sim compare --topologies a,./variant.yaml</c>) known by name beside the catalogue's, so a
/// fault's <c>only-on:</c> may name them.
/// </summary>
/// <param name="files">The topologies given by file; their names are not the catalogue's (<see cref="TopologyLoader.LoadBeside"/>).</param>
public sealed class ScenarioTopologyCatalog(IReadOnlyList<TopologySpec> files) : ITopologyCatalog
{
    /// <summary>The catalogue alone.</summary>
    public static ScenarioTopologyCatalog Instance { get; } = new([]);

    /// <inheritdoc />
    public IReadOnlyCollection<string> TopologyNames => [.. TopologyCatalog.All.Keys, .. files.Select(f => f.Name)];

    /// <inheritdoc />
    public TopologyOutline? Find(string topologyName) => Spec(topologyName)?.ToOutline();

    /// <summary>An inline topology's outline, with every resource the native runtime would create for it.</summary>
    public TopologyOutline Outline(TopologyDefinition definition) => TopologyDefinitionMapping.ToSpec(definition).ToOutline();

    /// <summary>The catalogue topology, or the one given by file, of that name; null when neither has it.</summary>
    public TopologySpec? Spec(string topologyName) =>
        TopologyCatalog.Find(topologyName) ?? files.FirstOrDefault(f => f.Name == topologyName);
}
