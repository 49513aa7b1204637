using System.Globalization;
using Simulator.AppHost.Topology;
using Simulator.Chaos;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>
/// A scenario's <c>faults:</c> and <c>network:</c> as the fault timeline and the proxy take them, and the check,
/// before anything starts, that every fault's target exists in the topology it runs on.
/// </summary>
public static class FaultPlan
{
    /// <summary>
    /// The timeline's form of every fault that applies to the scenario's topology (<see cref="Fault.AppliesTo"/>:
    /// those marked <c>only-on</c> another topology are left out), in file order.
    /// </summary>
    public static IReadOnlyList<FaultSpec> Specs(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return [.. scenario.Faults.Where(f => f.AppliesTo(scenario.Topology)).Select(ToSpec)];
    }

    /// <summary>The timeline's form of <paramref name="fault"/>: the same kinds, mapped by name.</summary>
    public static FaultSpec ToSpec(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (!FaultTypes.TryParse(fault.Kind.ToName(), out var type))
        {
            throw new ArgumentException($"fault kind {fault.Kind} has no timeline counterpart", nameof(fault));
        }

        return new FaultSpec(fault.At, type, fault.Target)
        {
            For = fault.For,
            Delay = fault.GetDuration("delay"),
            Jitter = fault.GetDuration("jitter"),
            After = fault.GetDuration("after"),
        };
    }

    /// <summary>The scenario's <c>network.latency</c> and <c>network.jitter</c> as round trips for the proxy.</summary>
    public static LatencyMatrix Latency(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var network = scenario.Network;
        return new LatencyMatrix(network.Latency.Select(p => new RegionLatency(p.Key.First, p.Key.Second, p.Value)))
        {
            Jitter = network.Jitter,
        };
    }

    /// <summary>
    /// Every fault whose target <paramref name="topology"/> lacks — a resource, a region, or a proxied link some
    /// network fault must match — located in the scenario file. Roles (<c>leader</c>, <c>replica</c>) need a
    /// Patroni topology (only Patroni knows who leads); on a streaming one they are errors. Faults the loader could
    /// not read (no kind, no target) are skipped, so this runs on a scenario that failed to load as well; so are faults
    /// marked <c>only-on</c> another topology. A <c>region-failover</c> needs a warm standby and a standby region.
    /// </summary>
    public static IReadOnlyList<ScenarioError> Validate(Scenario scenario, TopologySpec topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return ValidateOn(scenario, topology, topology.ResourceNames(), topology.LinkNames());
    }

    /// <summary>
    /// <see cref="Validate(Scenario, TopologySpec)"/> against the resources and links a runtime other than the native
    /// one makes of <paramref name="topology"/> (the containers runtime has no PostgreSQL routers, and a link per
    /// database node).
    /// </summary>
    public static IReadOnlyList<ScenarioError> ValidateOn(
        Scenario scenario, TopologySpec topology, IReadOnlyList<string> resourceNames, IReadOnlyList<LinkName> linkNames)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(resourceNames);
        ArgumentNullException.ThrowIfNull(linkNames);
        var errors = new List<ScenarioError>();
        var checkable = new List<(int Index, FaultSpec Spec)>();
        for (var i = 0; i < scenario.Faults.Count; i++)
        {
            var fault = scenario.Faults[i];
            if (fault.Kind == FaultKind.Unspecified || string.IsNullOrWhiteSpace(fault.Target) || !fault.AppliesTo(topology.Name))
            {
                continue; // A fault the loader could not read (it has said why already), or one for another topology.
            }

            if (fault.Kind == FaultKind.RegionFailover && !topology.WarmStandby)
            {
                errors.Add(Error(scenario, i, $"a region failover promotes a standby cluster, and `{topology.Name}` has none",
                    "run it on " + string.Join(", ", TopologyCatalog.All.Values.Where(t => t.WarmStandby).Select(t => t.Name))
                    + $", or mark it `only-on:` that topology so other topologies leave it out"));
                continue;
            }

            if (fault.Kind == FaultKind.RegionFailover && topology.Regions[0].Name == fault.Target.Trim())
            {
                errors.Add(Error(scenario, i, $"`{fault.Target}` is the active region of `{topology.Name}`: a region failover goes to a standby region",
                    "one of: " + string.Join(", ", topology.Regions.Skip(1).Select(r => r.Name))));
                continue;
            }

            if (fault.Kind == FaultKind.Switchover && !topology.IsPatroni)
            {
                errors.Add(Error(scenario, i, $"a switchover needs a Patroni topology, which `{topology.Name}` is not: its primary is fixed",
                    "run it on " + string.Join(", ", TopologyCatalog.All.Values.Where(t => t.IsPatroni).Select(t => t.Name))));
                continue;
            }

            if (FaultTargets.Roles.Contains(fault.Target) && !topology.IsPatroni)
            {
                errors.Add(Error(scenario, i, $"`{fault.Target}` needs a Patroni topology, which `{topology.Name}` is not: only Patroni knows which node is the {fault.Target}",
                    "name a resource instead: " + string.Join(", ", resourceNames.Where(n => n.Contains("-pg-", StringComparison.Ordinal)))));
                continue;
            }

            checkable.Add((i, ToSpec(fault)));
        }

        var problems = FaultTargetValidator.FindMissingTargets(
            checkable.Select(c => c.Spec), resourceNames, topology.Regions.Select(r => r.Name), linkNames, roles: topology.IsPatroni ? FaultTargets.Roles : []);
        foreach (var problem in problems)
        {
            // The validator's text ends with what the topology has ("...; links: a, b"): that part is the hint.
            var parts = problem.Message.Split("; ", 2);
            errors.Add(Error(scenario, checkable[problem.Index].Index, $"in topology `{topology.Name}`: {parts[0]}", parts.Length > 1 ? parts[1] : null));
        }

        return [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
    }

    private static ScenarioError Error(Scenario scenario, int index, string message, string? hint)
    {
        var fault = scenario.Faults[index];
        var field = string.Create(CultureInfo.InvariantCulture, $"faults[{index}].{fault.Kind.ToName()}");
        var location = scenario.Locations.Find(field);
        return new ScenarioError(scenario.SourcePath ?? scenario.Name, location?.Line ?? 0, location?.Column ?? 0, field, message, hint);
    }
}
