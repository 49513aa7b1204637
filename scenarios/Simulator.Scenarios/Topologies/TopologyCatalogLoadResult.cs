namespace Simulator.Scenarios;

/// <summary>The topologies of a catalogue folder, and every error found in its files.</summary>
/// <param name="Topologies">The topologies that loaded, in file-name order.</param>
/// <param name="Errors">Every error of every file; empty when the whole catalogue is valid.</param>
public sealed record TopologyCatalogLoadResult(IReadOnlyList<TopologyDefinition> Topologies, IReadOnlyList<ScenarioError> Errors);
