using System.Diagnostics.CodeAnalysis;

namespace Simulator.Scenarios;

/// <summary>The outcome of loading a topology file: the topology, or every error found in it.</summary>
/// <param name="Topology">The topology; null when there are errors.</param>
/// <param name="Errors">Every error, in file order; empty on success.</param>
public sealed record TopologyLoadResult(TopologyDefinition? Topology, IReadOnlyList<ScenarioError> Errors)
{
    /// <summary>True when the file loaded without errors.</summary>
    [MemberNotNullWhen(true, nameof(Topology))]
    public bool Succeeded => Topology is not null;
}
