namespace Simulator.Scenarios.Tests.Loading;

public class TopologyLoaderTests
{
    private static readonly string Catalogue = Path.Combine(AppContext.BaseDirectory, "Topologies");

    [Fact]
    public void A_topology_file_with_several_mistakes_lists_every_one_with_line_and_column()
    {
        var path = Fixtures.Path(Path.Combine("Topologies", "several-mistakes.yaml"));

        var result = TopologyLoader.Load(path);

        Assert.False(result.Succeeded);
        Assert.All(result.Errors, e => Assert.Equal(path, e.File));
        Assert.Equal(
            [
                (4, 7, "name", "`two regions` is not a valid topology name"),
                (6, 51, "regions[0].database_replicas", "a Patroni topology runs one database node per region, so a region has no replicas of its own"),
                (7, 29, "regions[1].odoo_nodes", "`2/s` is not a whole number"),
                (8, 13, "regions[2].name", "region `eu` is listed twice"),
                (11, 16, "database.replication", "unknown value `quorum`"),
                (12, 17, "database.warm_standby", "`yes` is not true or false"),
                (13, 3, "database.timeout", "unknown key `timeout`"),
            ],
            result.Errors.Select(e => (e.Line, e.Column, e.Field, e.Message)));
        Assert.Equal("known keys here: engine, replication, timing, warm_standby", result.Errors[^1].Hint);
    }

    [Fact]
    public void The_catalogue_folder_holds_the_six_topologies_each_in_the_file_of_its_name()
    {
        var result = TopologyLoader.LoadDirectory(Catalogue);

        Assert.Empty(result.Errors);
        Assert.Equal(
            ["dedicated-tenant", "multi-tenant-shared", "regional-segmented", "single-primary-multi-replica", "single-region-ha", "two-region", "warm-standby-dr"],
            result.Topologies.Select(t => t.Name));
        Assert.Equal(
            [new TopologyTenant("acme", 1), new TopologyTenant("globex", 2)],
            result.Topologies.Single(t => t.Name == "dedicated-tenant").Tenants);
        Assert.Equal(
            [new TopologyTenant("acme", 1) { Region = "eu", DrRegion = "us" }, new TopologyTenant("globex", 1) { Region = "us", DrRegion = "eu" }],
            result.Topologies.Single(t => t.Name == "regional-segmented").Tenants);
        Assert.All(result.Topologies, t => Assert.False(string.IsNullOrWhiteSpace(t.Description)));
    }

    [Fact]
    public void A_catalogue_file_named_after_another_topology_is_an_error()
    {
        var folder = Directory.CreateTempSubdirectory("topologies-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "two-region.yaml"), "name: three-region\nregions: [{ name: eu }]\n");

            var result = TopologyLoader.LoadDirectory(folder.FullName);

            Assert.Empty(result.Topologies);
            var error = Assert.Single(result.Errors);
            Assert.Equal(("name", "the file holds topology `three-region` but is called two-region.yaml"), (error.Field, error.Message));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_topology_file_given_beside_the_catalogue_may_not_take_a_catalogue_name()
    {
        var folder = Directory.CreateTempSubdirectory("variant-").FullName;
        var taken = Path.Combine(folder, "taken.yaml");
        var own = Path.Combine(folder, "own.yaml");
        File.WriteAllText(taken, "# a copy of two-region\nname: two-region\nregions: [{ name: eu }]\n");
        File.WriteAllText(own, "name: two-region-b\nregions: [{ name: eu }]\n");

        var error = Assert.Single(TopologyLoader.LoadBeside(taken, ["single-region-ha", "two-region"]).Errors);

        Assert.Equal((taken, 2, 7, "name", "`two-region` is the name of a catalogue topology"), (error.File, error.Line, error.Column, error.Field, error.Message));
        Assert.Equal("two-region-b", TopologyLoader.LoadBeside(own, ["single-region-ha", "two-region"]).Topology?.Name);
        Assert.Equal("the file does not exist", Assert.Single(TopologyLoader.LoadBeside(Path.Combine(folder, "gone.yaml"), []).Errors).Message);
    }

    [Fact]
    public void Patroni_keys_need_the_patroni_engine_and_patroni_regions_hold_one_node_unless_warm_standby()
    {
        var result = TopologyLoader.Parse(
            """
            name: t
            regions:
              - { name: eu, database_replicas: 1 }
            database: { timing: fast }
            """,
            "t.yaml");
        var patroni = TopologyLoader.Parse(
            """
            name: t
            regions:
              - { name: eu, database_replicas: 1 }
            database: { engine: patroni, warm_standby: false }
            """,
            "t.yaml");
        var lonelyStandby = TopologyLoader.Parse("name: t\nregions: [{ name: eu }]\ndatabase: { engine: patroni, warm_standby: true }\n", "t.yaml");

        Assert.Equal([(4, 13, "database.timing")], result.Errors.Select(e => (e.Line, e.Column, e.Field)));
        Assert.Equal([(3, 36, "regions[0].database_replicas")], patroni.Errors.Select(e => (e.Line, e.Column, e.Field)));
        Assert.Equal(["warm standby needs a second region for the standby cluster"], lonelyStandby.Errors.Select(e => e.Message));
    }

    [Fact]
    public void Tenants_are_named_once_on_servers_numbered_from_one_on_a_streaming_topology()
    {
        var result = TopologyLoader.Parse(
            """
            name: t
            regions: [{ name: eu }]
            database: { engine: patroni }
            tenants:
              - { name: acme }
              - { name: acme, database_server: 2 }
              - { name: globex, database_server: 0 }
              - { name: initech, shard: 3 }
            """,
            "t.yaml");
        var valid = TopologyLoader.Parse("name: t\nregions: [{ name: eu }]\ntenants: [{ name: acme }, { name: globex, database_server: 2 }]\n", "t.yaml");

        Assert.Equal(
            [(4, 1, "tenants"), (6, 13, "tenants[1].name"), (7, 38, "tenants[2].database_server"), (8, 22, "tenants[3].shard")],
            result.Errors.Select(e => (e.Line, e.Column, e.Field)));
        Assert.Equal("tenants run with streaming replication only", result.Errors[0].Message);
        Assert.Equal("tenant `acme` is listed twice", result.Errors[1].Message);
        Assert.True(valid.Succeeded, string.Join(Environment.NewLine, valid.Errors));
        Assert.Equal([new TopologyTenant("acme", 1), new TopologyTenant("globex", 2)], valid.Topology.Tenants);
    }

    [Fact]
    public void Tenants_live_in_regions_of_the_topology_with_a_dr_region_elsewhere_and_every_odoo_region_serves_one()
    {
        var result = TopologyLoader.Parse(
            """
            name: t
            regions:
              - { name: eu, odoo_nodes: 2 }
              - { name: us, odoo_nodes: 2, database_replicas: 1 }
              - { name: apac, odoo_nodes: 1 }
            tenants:
              - { name: acme, region: eu, dr_region: eu }
              - { name: globex, region: uss, dr_region: eu }
              - { name: initech, region: eu, dr_region: us }
              - { name: umbrella, region: us, dr_region: eu }
            """,
            "t.yaml");
        var segmented = TopologyLoader.Parse(
            "name: t\nregions: [{ name: eu }, { name: us }, { name: apac, odoo_nodes: 0 }]\ntenants: [{ name: acme, dr_region: apac }, { name: globex, region: us, database_server: 2, dr_region: eu }]\n",
            "t.yaml");

        Assert.Equal(
            [
                (4, 51, "regions[1].database_replicas", "a topology with tenants keeps no read replicas"),
                (5, 31, "regions[2].odoo_nodes", "region `apac` runs Odoo nodes but no tenant lives there: a region's Odoo nodes serve only its own tenants"),
                (7, 42, "tenants[0].dr_region", "tenant `acme` lives in `eu`: its DR replica must be in another region"),
                (8, 29, "tenants[1].region", "`uss` is not a region of this topology"),
                (9, 45, "tenants[2].dr_region", "tenant `initech` shares database server 1 of `eu` with another tenant whose dr_region is eu"),
            ],
            result.Errors.Select(e => (e.Line, e.Column, e.Field, e.Message)));
        Assert.Equal("did you mean `us`?", result.Errors[3].Hint);
        Assert.True(segmented.Succeeded, string.Join(Environment.NewLine, segmented.Errors));
        Assert.Equal(
            [new TopologyTenant("acme", 1) { DrRegion = "apac" }, new TopologyTenant("globex", 2) { Region = "us", DrRegion = "eu" }],
            segmented.Topology.Tenants);
    }

    [Fact]
    public void Defaults_are_one_odoo_node_no_replica_and_streaming()
    {
        var result = TopologyLoader.Parse("name: t\nregions: [{ name: eu }]\n", "t.yaml");

        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        Assert.Equal([new TopologyRegion("eu", 1, 0)], result.Topology.Regions);
        Assert.False(result.Topology.Database.IsPatroni);
        Assert.False(TopologyLoader.LooksLikeTopology(Fixtures.Minimal));
        Assert.True(TopologyLoader.LooksLikeTopology("name: t\nregions: [{ name: eu }]\n"));
    }

    [Fact]
    public void Odoo_workers_size_a_region_s_servers_from_one_to_sixty_four()
    {
        var sized = TopologyLoader.Parse("name: t\nregions: [{ name: eu, odoo_workers: 12 }, { name: us }]\n", "t.yaml");
        var wrong = TopologyLoader.Parse("name: t\nregions:\n  - { name: eu, odoo_workers: 0 }\n  - { name: us, odoo_workers: 65 }\n", "t.yaml");

        Assert.True(sized.Succeeded, string.Join(Environment.NewLine, sized.Errors));
        Assert.Equal([12, null], sized.Topology.Regions.Select(r => r.OdooWorkers));
        Assert.Equal(
            [
                (3, 31, "regions[0].odoo_workers", "0 Odoo workers: a server runs from 1 to 64"),
                (4, 31, "regions[1].odoo_workers", "65 Odoo workers: a server runs from 1 to 64"),
            ],
            wrong.Errors.Select(e => (e.Line, e.Column, e.Field, e.Message)));
    }

    [Fact]
    public void Patroni_tags_keep_a_region_from_leading_or_from_being_waited_for_and_only_patroni_topologies_have_them()
    {
        const string Patroni = "database: { engine: patroni, replication: sync }\n";
        var tagged = TopologyLoader.Parse("name: t\nregions: [{ name: eu }, { name: us, nosync: false }, { name: apac, nosync: true, nofailover: true }]\n" + Patroni, "t.yaml");
        var wrong = TopologyLoader.Parse("name: t\nregions:\n  - { name: eu, nofailover: true }\n  - { name: us, nosync: maybe }\n" + Patroni, "t.yaml");
        var streaming = TopologyLoader.Parse("name: t\nregions:\n  - { name: eu, database_replicas: 1 }\n  - { name: us, nosync: true }\n", "t.yaml");

        Assert.True(tagged.Succeeded, string.Join(Environment.NewLine, tagged.Errors));
        Assert.Equal([(false, false), (false, false), (true, true)], tagged.Topology.Regions.Select(r => (r.NoFailover, r.NoSync)));
        Assert.Equal(
            [
                (3, 29, "regions[0].nofailover", "`eu` is the first region: its node bootstraps the cluster and leads first, so it cannot be barred from leading"),
                (4, 25, "regions[1].nosync", "`maybe` is not true or false"),
            ],
            wrong.Errors.Select(e => (e.Line, e.Column, e.Field, e.Message)));
        var error = Assert.Single(streaming.Errors);
        Assert.Equal((4, 25, "regions[1].nosync"), (error.Line, error.Column, error.Field));
        Assert.Contains("is a Patroni tag", error.Message, StringComparison.Ordinal);
    }
}
