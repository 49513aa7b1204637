using Simulator.Scenarios;

namespace Simulator.AppHost.Topology;

/// <summary>
/// The topologies the simulator knows by name, read once from the YAML files of <c>scenarios/topologies/</c>, which
/// ship next to the sim binary in <c>topologies/</c>. A broken file is a broken build: the first use throws with every
/// error (<c>sim validate &lt;file&gt;</c> prints them compiler-style).
/// </summary>
public static class TopologyCatalog
{
    private static readonly Lazy<IReadOnlyDictionary<string, TopologySpec>> Loaded = new(Load);

    /// <summary>Where the catalogue's files are read from: <c>topologies/</c> next to the binary.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "topologies");

    /// <summary>One region: a primary and a standby database, Redis, two Odoo nodes behind HAProxy.</summary>
    public static TopologySpec SingleRegionHa => Get("single-region-ha");

    /// <summary>Two regions: eu holds the primary and a standby, us a streaming replica; two Odoo nodes per region.</summary>
    public static TopologySpec TwoRegion => Get("two-region");

    /// <summary>Three regions (eu, us, apac), one Patroni node and etcd member each, synchronous replication, fast timing.</summary>
    public static TopologySpec SinglePrimaryMultiReplica => Get("single-primary-multi-replica");

    /// <summary>eu: a two-node Patroni cluster taking every write; us: a Patroni standby cluster promoted only by a scripted region failover.</summary>
    public static TopologySpec WarmStandbyDr => Get("warm-standby-dr");

    /// <summary>One region, two tenants (acme, globex) whose databases share one PostgreSQL server; two Odoo nodes serve both.</summary>
    public static TopologySpec MultiTenantShared => Get("multi-tenant-shared");

    /// <summary>As <see cref="MultiTenantShared"/>, but each tenant's database on a PostgreSQL server of its own.</summary>
    public static TopologySpec DedicatedTenant => Get("dedicated-tenant");

    /// <summary>eu and us, each the primary of its own tenant (acme in eu, globex in us) with a DR replica in the other.</summary>
    public static TopologySpec RegionalSegmented => Get("regional-segmented");

    /// <summary>Every catalogue topology, by name.</summary>
    public static IReadOnlyDictionary<string, TopologySpec> All => Loaded.Value;

    /// <summary>The topology of that name, or null when the catalogue has none.</summary>
    public static TopologySpec? Find(string name) => All.GetValueOrDefault(name);

    private static TopologySpec Get(string name) =>
        Find(name) ?? throw new InvalidOperationException($"the topology catalogue in {Folder} has no {name}.yaml");

    private static System.Collections.ObjectModel.ReadOnlyDictionary<string, TopologySpec> Load()
    {
        var result = TopologyLoader.LoadDirectory(Folder);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException("The topology catalogue is not valid:" + Environment.NewLine + string.Join(Environment.NewLine, result.Errors));
        }

        return result.Topologies.ToDictionary(t => t.Name, TopologyDefinitionMapping.ToSpec, StringComparer.Ordinal).AsReadOnly();
    }
}
