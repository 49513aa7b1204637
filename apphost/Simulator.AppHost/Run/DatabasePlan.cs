using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Topology;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>A scenario's <c>database:</c> key applied to the topology it runs on, and its check against that topology.</summary>
public static class DatabasePlan
{
    /// <summary>
    /// The topology with the scenario's replication and timing in place of its own Patroni options; the topology
    /// itself when the scenario sets none.
    /// </summary>
    /// <exception cref="InvalidOperationException">The scenario sets them on a topology without Patroni (see <see cref="Validate"/>).</exception>
    public static TopologySpec Apply(Scenario scenario, TopologySpec topology)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(topology);
        if (scenario.Database is not { } database)
        {
            return topology;
        }

        var options = topology.Patroni
            ?? throw new InvalidOperationException($"topology {topology.Name} runs no Patroni cluster for `database:` to set up");
        return topology with
        {
            Patroni = options with
            {
                Replication = database.Replication is { } replication ? PatroniReplicationNames.Parse(replication) : options.Replication,
                Timing = database.Timing is { } timing ? PatroniTiming.Named(timing) ?? options.Timing : options.Timing,
            },
        };
    }

    /// <summary>The error, located in the scenario file, of a <c>database:</c> key on a topology without Patroni; none otherwise.</summary>
    public static IReadOnlyList<ScenarioError> Validate(Scenario scenario, TopologySpec topology)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(topology);
        if (scenario.Database is null || topology.IsPatroni)
        {
            return [];
        }

        var location = scenario.Locations.Find("database");
        var patroni = string.Join(", ", TopologyCatalog.All.Values.Where(t => t.IsPatroni).Select(t => t.Name));
        return
        [
            new ScenarioError(
                scenario.SourcePath ?? scenario.Name,
                location?.Line ?? 0,
                location?.Column ?? 0,
                "database",
                $"`{topology.Name}` replicates without Patroni: it has no replication profile or failover timing to set",
                $"remove `database:`, or run on a Patroni topology: {patroni}"),
        ];
    }
}
