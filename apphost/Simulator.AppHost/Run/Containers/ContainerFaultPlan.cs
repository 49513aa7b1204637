using System.Globalization;
using Simulator.AppHost.Failover;
using Simulator.Chaos;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run.Containers;

/// <summary>
/// A scenario's faults on a containers topology: the check, before anything starts, that each maps to something the
/// containers runtime has (a container, a region, a Toxiproxy link — its database links are per node,
/// <c>us-&gt;eu:postgres-1</c>, and it has no PostgreSQL routers), and what each becomes: engine commands on named
/// containers, toxics on Toxiproxy links, or a Patroni REST call (a <c>region-failover</c>, on a warm standby: the
/// active cluster's containers killed, then the standby cluster promoted through Patroni).
/// </summary>
public static class ContainerFaultPlan
{
    /// <summary>The errors, located in the scenario file (file, line, field), of every fault the containers topology cannot carry out.</summary>
    public static IReadOnlyList<ScenarioError> Validate(Scenario scenario, ContainerRunTopology topology)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return FaultPlan.ValidateOn(scenario, topology.Spec, topology.ResourceNames, topology.LinkNames);
    }

    /// <summary>
    /// What each fault of a validated <paramref name="scenario"/> does on <paramref name="topology"/>, in file order;
    /// faults marked <c>only-on</c> another topology are left out, as natively (<see cref="Fault.AppliesTo"/>).
    /// </summary>
    /// <param name="scenario">The scenario (<see cref="Validate"/> found no error).</param>
    /// <param name="topology">The containers topology.</param>
    /// <param name="engine">The engine CLI's name, for the commands' text.</param>
    public static IReadOnlyList<ContainerFaultAction> Actions(Scenario scenario, ContainerRunTopology topology, string engine)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(topology);
        var regions = topology.Spec.Regions.Select(r => r.Name).ToList();
        var actions = new List<ContainerFaultAction>();
        for (var i = 0; i < scenario.Faults.Count; i++)
        {
            if (!scenario.Faults[i].AppliesTo(topology.Spec.Name))
            {
                continue;
            }

            var spec = FaultPlan.ToSpec(scenario.Faults[i]);
            var field = string.Create(CultureInfo.InvariantCulture, $"faults[{i}].{scenario.Faults[i].Kind.ToName()}");
            actions.Add(spec.Kind.IsProcessFault() ? ProcessAction(field, spec, topology, engine)
                : spec.Kind == FaultType.RegionFailover ? RegionFailoverAction(field, spec, topology, engine)
                : spec.Kind.IsClusterFault() ? new ContainerFaultAction(
                    field, spec.Kind, spec.Target, [], [], PatroniRequest: $"POST /switchover to the leader's Patroni REST API, among {string.Join(", ", topology.DatabaseNodes.Select(n => n.Name))}")
                : NetworkAction(field, spec, topology, regions, engine));
        }

        return actions;
    }

    private static ContainerFaultAction ProcessAction(string field, FaultSpec spec, ContainerRunTopology topology, string engine)
    {
        var role = PatroniRoles.All.Contains(spec.Target);
        var containers = role ? [.. topology.DatabaseNodes.Select(n => topology.ContainerName(n.Name))] : topology.Containers(spec.Target);
        var (action, undo) = spec.Kind switch
        {
            FaultType.Kill => ("kill", spec.For is null ? null : "start"),
            FaultType.Stop => ("stop", spec.For is null ? null : "start"),
            // A pause is undone after its `for:`, or at the end of the run.
            FaultType.Pause => ("pause", "resume"),
            _ => ("start", (string?)null),
        };
        var steps = undo is null ? [action] : new[] { action, undo };
        return new ContainerFaultAction(
            field,
            spec.Kind,
            spec.Target,
            [.. steps.SelectMany(step => containers.Select(c => Command(engine, step, c)))],
            [],
            ResolvedWhenFiring: role);
    }

    /// <summary>
    /// As natively (<see cref="PatroniRegionFailover"/>): the active cluster's containers killed and left down (the
    /// fence), then the target region's standby cluster promoted through its first node's Patroni REST API.
    /// </summary>
    private static ContainerFaultAction RegionFailoverAction(string field, FaultSpec spec, ContainerRunTopology topology, string engine)
    {
        var region = spec.Target.Trim();
        var standby = topology.Topology.StandbyNodes(region);
        if (standby.Count == 0)
        {
            // Validate refuses it first; this keeps an unchecked plan from describing a failover that cannot happen.
            throw new InvalidOperationException($"{field}: region {region} runs no standby cluster on {topology.Spec.Name}");
        }

        return new ContainerFaultAction(
            field,
            spec.Kind,
            spec.Target,
            [.. topology.Topology.ActiveClusterNodes.Select(n => Command(engine, "kill", topology.ContainerName(n.Name)))],
            [],
            PatroniRequest: $"PATCH /config {PatroniRegionFailover.PromotionPatch} to {standby[0].Name}'s Patroni REST API");
    }

    private static ContainerFaultAction NetworkAction(
        string field, FaultSpec spec, ContainerRunTopology topology, IReadOnlyList<string> regions, string engine)
    {
        // `all` is every link (a heal's usual target).
        var target = LinkTarget.Parse(spec.Target, regions);
        var links = topology.LinkNames.Where(target.Matches).Select(l => l.ToString()).ToList();
        // As natively (PatroniRegionIsolation): a two-way partition of a region also freezes its etcd member.
        // Not where each region's etcd serves its own clusters only: under warm standby (PatroniRegionIsolation), and with
        // tenants, whose native form has no DCS at all, so a cut leaves every primary writing.
        IReadOnlyList<string> commands = spec.Kind == FaultType.Partition && target.Kind == LinkTargetKind.Region
            && spec.Direction == PartitionDirection.Both && !topology.Spec.ClustersStayInRegion && links.Count > 0 && topology.EtcdMember(target.First!) is { } member
            ? [Command(engine, "pause", topology.ContainerName(member)), Command(engine, "resume", topology.ContainerName(member))]
            : [];
        return new ContainerFaultAction(field, spec.Kind, spec.Target, commands, links);
    }

    private static string Command(string engine, string action, string container) =>
        engine + " " + string.Join(' ', ContainerProcessFaults.Arguments(action, container));
}
