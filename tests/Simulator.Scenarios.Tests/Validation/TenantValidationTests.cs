namespace Simulator.Scenarios.Tests.Validation;

public class TenantValidationTests
{
    private static readonly InMemoryTopologyCatalog Catalog = new(
        new TopologyOutline("single-region-ha", ["eu"], ["eu-pg-1", "eu-odoo-1"]),
        new TopologyOutline("multi-tenant-shared", ["eu"], ["eu-pg-1", "eu-odoo-1"]) { Tenants = ["acme", "globex"] },
        new TopologyOutline("regional-segmented", ["eu", "us"], ["eu-pg-1", "eu-odoo-1", "us-pg-1", "us-odoo-1"])
        {
            Tenants = ["acme", "globex"],
            TenantRegions = new Dictionary<string, string> { ["acme"] = "eu", ["globex"] = "us" },
        });

    private static ScenarioLoadResult Parse(string topology, string tenantA, string tenantB) => ScenarioLoader.Parse(
        $$"""
        name: x
        topology: {{topology}}
        duration: 30s
        workloads:
          - { name: acme-import, kind: order-import, region: eu, tenant: {{tenantA}}, model: constant-rate, rate: 2/s }
          - { name: globex-scan, kind: warehouse-scan, region: eu, tenant: {{tenantB}}, model: constant-rate, rate: 1/s }
        """,
        "x.yaml",
        new ScenarioLoadOptions { Catalog = Catalog });

    [Fact]
    public void A_tenant_is_read_and_must_be_one_of_the_topology()
    {
        var fine = Parse("multi-tenant-shared", "acme", "globex");
        Assert.Empty(fine.Errors);
        Assert.Equal(["acme", "globex"], fine.Scenario!.Workloads.Select(w => w.Tenant));

        var wrong = Parse("multi-tenant-shared", "acmee", "initech");
        Assert.Equal(
            [
                ("workloads[0].tenant", 5, "tenant `acmee` is not a tenant of topology `multi-tenant-shared`", "did you mean `acme`?"),
                ("workloads[1].tenant", 6, "tenant `initech` is not a tenant of topology `multi-tenant-shared`", "tenants: acme, globex"),
            ],
            wrong.Errors.Select(e => (e.Field, e.Line, e.Message, e.Hint)));

        var single = Parse("single-region-ha", "acme", "globex");
        Assert.Equal(2, single.Errors.Count(e => e.Message == "topology `single-region-ha` serves one database and has no tenants"));
    }

    [Fact]
    public void A_tenant_living_in_one_region_is_worked_in_from_that_region_only()
    {
        var wrong = Parse("regional-segmented", "acme", "globex");

        // Both workloads run in eu: acme lives there, globex in us, whose Odoo nodes alone serve it.
        var error = Assert.Single(wrong.Errors);
        Assert.Equal(
            ("workloads[1].tenant", 6, "tenant `globex` lives in region `us`: only us's Odoo nodes serve it, not eu's", "set region: us, or pick a tenant of eu: acme"),
            (error.Field, error.Line, error.Message, error.Hint));
    }
}
