using Simulator.Scenarios;

namespace Simulator.AppHost.Topology;

/// <summary>What the scenario validator needs to know of a topology, derived from its spec.</summary>
public static class TopologySpecExtensions
{
    /// <summary>The names of every resource the native runtime creates for the topology.</summary>
    public static IReadOnlyList<string> ResourceNames(this TopologySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var names = new List<string>();
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
