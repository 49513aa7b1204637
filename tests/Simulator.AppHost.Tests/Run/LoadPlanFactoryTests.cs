using Simulator.AppHost.Run;
using Simulator.Load.Odoo;
using Simulator.Scenarios;

namespace Simulator.AppHost.Tests.Run;

public sealed class LoadPlanFactoryTests
{
    private const string Header = "name: x\ntopology: single-region-ha\nduration: 60s\nworkloads:\n";
    private static readonly OdooCredentials Credentials = new("odoo", "admin", "secret");
    private static readonly OdooClient Client = new(new HttpClient(), new Uri("http://127.0.0.1:8069"), TimeProvider.System);

    private static Scenario Parse(string workloads, ScenarioLoadOptions? options = null)
    {
        var result = ScenarioLoader.Parse(Header + workloads, "test.yaml", options);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario;
    }

    [Fact]
    public void Each_odoo_kind_becomes_its_workload_with_the_scenario_parameters()
    {
        var scenario = Parse(
            "  - { name: order-import, region: eu, model: constant-rate, rate: 1/s, lines: 2..6, customers: 20, products: 50 }\n"
            + "  - { name: warehouse-scan, region: eu, model: constant-rate, rate: 1/s, lines: 1..3, backlog: 40, products: 30 }\n"
            + "  - { name: portal-browse, region: eu, model: constant-rate, rate: 1/s, customers: 7, page_size: 10, pages: 4 }\n"
            + "  - { name: bulk-scan, kind: warehouse-scan, region: eu, model: constant-rate, rate: 1/s }\n");

        LoadPlanFactory.EnsureRunnable(scenario);
        var workloads = scenario.Workloads.Select(w => LoadPlanFactory.OdooWorkload(w, Client, Credentials)).ToList();

        var import = Assert.IsType<OrderImportWorkload>(workloads[0]);
        Assert.Equal((2, 6, 20, 50, true), (import.Options.MinLines, import.Options.MaxLines, import.Options.CustomerLimit, import.Options.ProductLimit, import.Options.AttachSourceDocument));
        var scan = Assert.IsType<WarehouseScanWorkload>(workloads[1]);
        Assert.Equal(("EU", 40, 1, 3, 30), (scan.Options.WarehouseCode, scan.Options.Backlog, scan.Options.MinLines, scan.Options.MaxLines, scan.Options.ProductLimit));
        var browse = Assert.IsType<PortalBrowseWorkload>(workloads[2]);
        Assert.Equal((7, 10, 4), (browse.Options.CustomerLimit, browse.Options.PageSize, browse.Options.Pages));
        // Unset parameters keep the workload's defaults.
        var defaults = Assert.IsType<WarehouseScanWorkload>(workloads[3]);
        Assert.Equal(new WarehouseScanOptions { WarehouseCode = "EU" }, defaults.Options);
    }

    [Fact]
    public void A_kind_no_odoo_workload_implements_is_refused_before_anything_starts()
    {
        var kinds = WorkloadKindRegistry.Default.With(new WorkloadKind("checkout", new Dictionary<string, WorkloadParameterType>()));
        var scenario = Parse("  - { name: checkout, region: eu, model: constant-rate, rate: 1/s }\n", new ScenarioLoadOptions { WorkloadKinds = kinds });

        var error = Assert.Throws<UnsupportedScenarioException>(() => LoadPlanFactory.EnsureRunnable(scenario));

        Assert.Contains("kind 'checkout' cannot run yet (available: order-import, warehouse-scan, portal-browse)", error.Message, StringComparison.Ordinal);
        Assert.Throws<UnsupportedScenarioException>(() => LoadPlanFactory.OdooWorkload(scenario.Workloads[0], Client, Credentials));
    }
}
