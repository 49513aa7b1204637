using Simulator.AppHost.Topology;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>One run a suite plans: a scenario in its short form on one topology.</summary>
/// <param name="Scenario">The scenario, shortened to the run's duration and named for the topology it runs on.</param>
/// <param name="Topology">The topology it runs on.</param>
public sealed record SuiteRun(Scenario Scenario, TopologySpec Topology)
{
    /// <summary>The thresholds the suite says this run is known to breach (<see cref="SuiteEntry.KnownBreaches"/>).</summary>
    public IReadOnlyList<KnownBreach> KnownBreaches { get; init; } = [];
}
