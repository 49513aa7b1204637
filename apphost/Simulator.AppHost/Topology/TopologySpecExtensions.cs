using Simulator.Chaos;
using Simulator.Scenarios;

namespace Simulator.AppHost.Topology;

/// <summary>What the scenario validator needs to know of a topology, derived from its spec.</summary>
public static class TopologySpecExtensions
{
    /// <summary>
    /// The fault-proxy links the native runtime creates for the topology: <c>&lt;region&gt;-&gt;&lt;primary region&gt;:postgres</c>
    /// for every other region with Odoo nodes or replicas, all of which connect to the primary.
    /// </summary>
    public static IReadOnlyList<LinkName> LinkNames(this TopologySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var primaryRegion = spec.Regions[0].Name;
        return [.. spec.Regions
            .Skip(1)
            .Where(r => r.OdooNodes + r.DatabaseReplicas > 0)
            .Select(r => new LinkName(r.Name, primaryRegion, NativeTopologyBuilder.PostgresService))];
    }

    /// <summary>The names of every resource the native runtime creates for the topology, in start order.</summary>
    public static IReadOnlyList<string> ResourceNames(this TopologySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var names = new List<string>();
        if (spec.LinkNames().Count > 0)
        {
            names.Add(ResourceNaming.FaultProxy);
        }

        var primaryPlaced = false;
        foreach (var region in spec.Regions)
        {
            var databaseNodes = region.DatabaseReplicas + (primaryPlaced ? 0 : 1);
            primaryPlaced = true;
            names.AddRange(Enumerable.Range(1, databaseNodes).Select(i => ResourceNaming.DatabaseNode(region.Name, i)));
            names.Add(ResourceNaming.Redis(region.Name));
            names.Add(ResourceNaming.ObjectStorage(region.Name));
            names.AddRange(Enumerable.Range(1, region.OdooNodes).Select(i => ResourceNaming.OdooNode(region.Name, i)));
            names.Add(ResourceNaming.Ingress(region.Name));
        }

        return names;
    }

    /// <summary>The topology as the scenario validator sees it.</summary>
    public static TopologyOutline ToOutline(this TopologySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new TopologyOutline(spec.Name, [.. spec.Regions.Select(r => r.Name)], spec.ResourceNames());
    }
}
