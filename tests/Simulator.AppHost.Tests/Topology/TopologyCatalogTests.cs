using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Tests.Topology;

public sealed class TopologyCatalogTests
{
    [Fact]
    public void Single_region_ha_names_every_resource_the_native_runtime_creates()
    {
        Assert.Equal(
            ["eu-pg-1", "eu-pg-2", "eu-redis", "eu-s3", "eu-odoo-1", "eu-odoo-2", "eu-ingress"],
            TopologyCatalog.SingleRegionHa.ResourceNames());
    }

    [Fact]
    public void The_scenario_catalog_knows_the_regions_and_resources()
    {
        var outline = ScenarioTopologyCatalog.Instance.Find("single-region-ha");

        Assert.NotNull(outline);
        Assert.Equal(["eu"], outline.Regions);
        Assert.Contains("eu-ingress", outline.Resources);
        Assert.Null(ScenarioTopologyCatalog.Instance.Find("no-such-topology"));
    }

    [Fact]
    public void Two_region_has_a_fault_proxy_and_one_link_from_us_to_the_primary()
    {
        var spec = TopologyCatalog.TwoRegion;

        Assert.Equal(
            ["fault-proxy", "eu-pg-1", "eu-pg-2", "eu-redis", "eu-s3", "eu-odoo-1", "eu-odoo-2", "eu-ingress", "us-pg-1", "us-redis", "us-s3", "us-odoo-1", "us-odoo-2", "us-ingress"],
            spec.ResourceNames());
        Assert.Equal(["us->eu:postgres"], spec.LinkNames().Select(l => l.ToString()));
        Assert.Empty(TopologyCatalog.SingleRegionHa.LinkNames());
        Assert.Same(spec, TopologyCatalog.Find("two-region"));
    }

    [Fact]
    public void Single_primary_multi_replica_names_a_patroni_node_etcd_member_and_router_per_region()
    {
        var spec = TopologyCatalog.SinglePrimaryMultiReplica;

        Assert.True(spec.IsPatroni);
        Assert.Equal(
            ["fault-proxy",
             "eu-etcd", "eu-pg-1", "eu-pg-router", "eu-redis", "eu-s3", "eu-odoo-1", "eu-ingress",
             "us-etcd", "us-pg-1", "us-pg-router", "us-redis", "us-s3", "us-odoo-1", "us-ingress",
             "apac-etcd", "apac-pg-1", "apac-pg-router", "apac-redis", "apac-s3", "apac-odoo-1", "apac-ingress"],
            spec.ResourceNames());
        var links = spec.LinkNames().Select(l => l.ToString()).ToList();
        Assert.Equal(27, links.Count);
        Assert.Equal(links.Count, links.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains("*->eu:etcd-peer", links);
        Assert.Contains("us->eu:postgres", links);
        Assert.Contains("apac->us:etcd", links);
        Assert.Contains("eu->apac:patroni", links);
        Assert.All(spec.LinkNames(), l => Assert.NotEqual(l.From, l.To));
        Assert.Same(spec, TopologyCatalog.Find("single-primary-multi-replica"));
        Assert.False(TopologyCatalog.TwoRegion.IsPatroni);
    }

    [Fact]
    public void Tenant_topologies_put_both_tenants_on_one_server_or_one_each_and_tell_the_validator_their_tenants()
    {
        Assert.Equal(
            ["eu-pg-1", "eu-redis", "eu-s3", "eu-odoo-1", "eu-odoo-2", "eu-ingress"],
            TopologyCatalog.MultiTenantShared.ResourceNames());
        Assert.Equal(
            ["eu-pg-1", "eu-pg-2", "eu-redis", "eu-s3", "eu-odoo-1", "eu-odoo-2", "eu-ingress"],
            TopologyCatalog.DedicatedTenant.ResourceNames());
        Assert.Empty(TopologyCatalog.DedicatedTenant.LinkNames());
        Assert.Equal(["acme", "globex"], ScenarioTopologyCatalog.Instance.Find("multi-tenant-shared")!.Tenants);
        Assert.Equal(["acme", "globex"], ScenarioTopologyCatalog.Instance.Find("dedicated-tenant")!.Tenants);
        Assert.Empty(ScenarioTopologyCatalog.Instance.Find("single-region-ha")!.Tenants);
    }

    [Fact]
    public void Regional_segmented_names_a_primary_and_a_dr_replica_per_region_and_only_the_replicas_links_across()
    {
        var spec = TopologyCatalog.RegionalSegmented;

        Assert.False(spec.IsPatroni);
        Assert.Equal(
            ["fault-proxy",
             "eu-pg-1", "eu-pg-2", "eu-redis", "eu-s3", "eu-odoo-1", "eu-odoo-2", "eu-ingress",
             "us-pg-1", "us-pg-2", "us-redis", "us-s3", "us-odoo-1", "us-odoo-2", "us-ingress"],
            spec.ResourceNames());
        Assert.Equal(["eu->us:postgres", "us->eu:postgres"], spec.LinkNames().Select(l => l.ToString()));
        Assert.Equal([new TenantServer("us", 1)], spec.DrReplicasIn("eu"));
        Assert.Equal([new TenantServer("eu", 1)], spec.DrReplicasIn("us"));
        var outline = ScenarioTopologyCatalog.Instance.Find("regional-segmented")!;
        Assert.Equal(["acme", "globex"], outline.Tenants);
        Assert.Equal(("eu", "us"), (outline.TenantRegions["acme"], outline.TenantRegions["globex"]));
        Assert.Same(spec, TopologyCatalog.Find("regional-segmented"));
    }

    [Fact]
    public void Warm_standby_dr_names_two_eu_nodes_a_us_standby_and_only_router_links_across_regions()
    {
        var spec = TopologyCatalog.WarmStandbyDr;

        Assert.True(spec.IsPatroni);
        Assert.True(spec.WarmStandby);
        Assert.Equal(
            ["fault-proxy",
             "eu-etcd", "eu-pg-1", "eu-pg-2", "eu-pg-router", "eu-redis", "eu-s3", "eu-odoo-1", "eu-ingress",
             "us-etcd", "us-pg-1", "us-pg-router", "us-redis", "us-s3", "us-odoo-1", "us-ingress"],
            spec.ResourceNames());
        Assert.Equal(
            ["eu->us:patroni", "eu->us:postgres", "us->eu:patroni", "us->eu:patroni-2", "us->eu:postgres", "us->eu:postgres-2"],
            spec.LinkNames().Select(l => l.ToString()).Order(StringComparer.Ordinal));
        Assert.Same(spec, TopologyCatalog.Find("warm-standby-dr"));
        Assert.False(TopologyCatalog.SinglePrimaryMultiReplica.WarmStandby);
    }

    [Fact]
    public void The_yaml_catalogue_holds_the_regions_nodes_and_patroni_options_the_tests_rely_on()
    {
        Assert.Equal(
            ["dedicated-tenant", "multi-tenant-shared", "regional-segmented", "single-primary-multi-replica", "single-region-ha", "two-region", "warm-standby-dr"],
            TopologyCatalog.All.Keys.Order(StringComparer.Ordinal));
        Assert.All(TopologyCatalog.All, t => Assert.Equal((t.Key, true), (t.Value.Name, t.Value.Description.Length > 20)));

        Assert.Equal([new RegionSpec("eu", 2, 1)], TopologyCatalog.SingleRegionHa.Regions);
        Assert.Equal((false, false), (TopologyCatalog.SingleRegionHa.IsPatroni, TopologyCatalog.SingleRegionHa.WarmStandby));

        Assert.Equal([new RegionSpec("eu", 2, 1), new RegionSpec("us", 2, 1)], TopologyCatalog.TwoRegion.Regions);
        Assert.Equal((false, false), (TopologyCatalog.TwoRegion.IsPatroni, TopologyCatalog.TwoRegion.WarmStandby));

        var synchronousFast = new PatroniClusterOptions { Replication = PatroniReplication.Sync, Timing = PatroniTiming.Fast };
        // Sized for the leader landing in a far region (docs/failover.md): 12 Odoo workers per node; apac, the farthest,
        // is never the synchronous standby, so a failover moves the lead to us.
        Assert.Equal(
            [
                new RegionSpec("eu", 1, 0) { OdooWorkers = 12 },
                new RegionSpec("us", 1, 0) { OdooWorkers = 12 },
                new RegionSpec("apac", 1, 0) { OdooWorkers = 12, PatroniTags = new PatroniNodeTags(NoFailover: false, NoSync: true) },
            ],
            TopologyCatalog.SinglePrimaryMultiReplica.Regions);
        Assert.Equal(["apac"], TopologyCatalog.SinglePrimaryMultiReplica.PatroniTags().Keys);
        Assert.Equal(synchronousFast, TopologyCatalog.SinglePrimaryMultiReplica.Patroni);
        Assert.False(TopologyCatalog.SinglePrimaryMultiReplica.WarmStandby);

        Assert.Equal([new RegionSpec("eu", 1, 1), new RegionSpec("us", 1, 0)], TopologyCatalog.WarmStandbyDr.Regions);
        Assert.Equal(synchronousFast, TopologyCatalog.WarmStandbyDr.Patroni);
        Assert.True(TopologyCatalog.WarmStandbyDr.WarmStandby);
        Assert.Same(TopologyCatalog.WarmStandbyDr, TopologyCatalog.WarmStandbyDr);

        // The tenant topologies: one region, two Odoo nodes, acme and globex on one server or on one each.
        Assert.Equal([new RegionSpec("eu", 2, 0)], TopologyCatalog.MultiTenantShared.Regions);
        Assert.Equal([new TenantSpec("acme", 1), new TenantSpec("globex", 1)], TopologyCatalog.MultiTenantShared.Tenants);
        Assert.Equal([new RegionSpec("eu", 2, 0)], TopologyCatalog.DedicatedTenant.Regions);
        Assert.Equal([new TenantSpec("acme", 1), new TenantSpec("globex", 2)], TopologyCatalog.DedicatedTenant.Tenants);
        Assert.Equal((1, 2), (TopologyCatalog.MultiTenantShared.PrimaryServersIn("eu"), TopologyCatalog.DedicatedTenant.PrimaryServersIn("eu")));
        Assert.All(TopologyCatalog.All.Values.Where(t => t.Tenants.Count == 0), t => Assert.Equal(1, t.PrimaryServersIn(t.Regions[0].Name)));

        // Regional segmented: each region the home of one tenant, with a DR replica of it in the other.
        var segmented = TopologyCatalog.RegionalSegmented;
        Assert.Equal([new RegionSpec("eu", 2, 0), new RegionSpec("us", 2, 0)], segmented.Regions);
        Assert.Equal(
            [new TenantSpec("acme", 1) { Region = "eu", DrRegion = "us" }, new TenantSpec("globex", 1) { Region = "us", DrRegion = "eu" }],
            segmented.Tenants);
        Assert.Equal((1, 1), (segmented.PrimaryServersIn("eu"), segmented.PrimaryServersIn("us")));
        Assert.Equal(("acme", "globex"), (segmented.DefaultTenant("eu"), segmented.DefaultTenant("us")));
    }
}
