using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Load.Http;
using Simulator.Load.Odoo;
using Simulator.Load.Scheduling;
using Simulator.Scenarios;

namespace Simulator.AppHost.Tests.Run;

public sealed class LoadPlanFactoryTests
{
    private static readonly Uri Ingress = new("http://127.0.0.1:18080");

    private static Scenario Parse(string workloads, ScenarioLoadOptions? options = null)
    {
        var result = ScenarioLoader.Parse($"name: plan\nduration: 2m\nseed: 9\nworkloads:\n{workloads}", "plan.yaml", options);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Scenario;
    }

    [Fact]
    public void Phases_become_a_phased_load_whose_last_phase_runs_to_the_end()
    {
        var scenario = Parse("""
              - name: order-import
                region: eu
                max_users: 50
                phases:
                  - { model: constant-concurrency, concurrency: 4, think_time: 200ms, duration: 30s }
                  - { model: pause, duration: 10s }
                  - { model: ramping-concurrency, stages: [{ to: 8, over: 20s }], duration: 20s }
                  - { model: ramping-rate, rate: 30/m, stages: [{ to: 5/s, over: 20s }], duration: 30s }
                  - { model: constant-rate, rate: 30/m }
            """);

        var plan = LoadPlanFactory.Plan(scenario);

        Assert.Empty(plan.Validate());
        Assert.Equal((TimeSpan.FromMinutes(2), 9), (plan.Duration, plan.Seed));
        var workload = Assert.Single(plan.Workloads);
        Assert.Equal(("order-import", "eu", 50), (workload.Name, workload.Region, workload.MaxInFlight));
        var phased = Assert.IsType<PhasedLoad>(workload.Model);
        Assert.Equal(
            [
                new LoadPhase(new ConstantConcurrency(4) { ThinkTime = TimeSpan.FromMilliseconds(200) }, TimeSpan.FromSeconds(30)),
                new LoadPhase(new Pause(), TimeSpan.FromSeconds(10)),
                new LoadPhase(new RampingConcurrency(0, [new ConcurrencyStage(8, TimeSpan.FromSeconds(20))]), TimeSpan.FromSeconds(20)),
                new LoadPhase(new RampingRate(0.5, [new RateStage(5, TimeSpan.FromSeconds(20))]), TimeSpan.FromSeconds(30)),
                new LoadPhase(new ConstantRate(0.5), TimeSpan.FromSeconds(30)),
            ],
            phased.Phases,
            PhaseComparer.Instance);
        Assert.Equal(plan.Duration, phased.TotalDuration);
    }

    [Fact]
    public void A_workload_of_one_model_keeps_it_with_the_default_virtual_users()
    {
        var scenario = Parse("""
              - { name: order-import, region: eu, model: constant-rate, rate: 30/m }
              - { name: back-office, kind: order-import, region: eu, model: constant-concurrency, concurrency: 2, think_time: 1s }
              - { name: ramp, kind: order-import, region: eu, model: ramping-concurrency, concurrency: 1, stages: [{ to: 3, over: 1m }] }
            """);

        var plan = LoadPlanFactory.Plan(scenario);

        Assert.Equal(
            ["constant-rate 0.5/s", "constant-concurrency 2 users, think 1s", "ramping-concurrency 1 → 3 over 1m users"],
            plan.Workloads.Select(w => w.Model.Describe()));
        Assert.All(plan.Workloads, w => Assert.Equal(Load.WorkloadPlan.DefaultMaxInFlight, w.MaxInFlight));
        // 30/m: one arrival every two seconds.
        Assert.Equal(TimeSpan.FromSeconds(2), ((ConstantRate)plan.Workloads[0].Model).ArrivalOffset(1));
    }

    [Fact]
    public void An_http_workload_requests_its_path_on_the_region_s_ingress()
    {
        var workload = Parse("""
              - { name: health, kind: http, region: eu, model: constant-rate, rate: 1/s, path: /web/health?full=1, method: head, status: 200-204, timeout: 2s }
              - { name: post, kind: http, region: eu, model: constant-rate, rate: 1/s, path: /api, method: POST, body: 'x=1', content_type: application/x-www-form-urlencoded, headers: { X-Tenant: acme, Authorization: "Bearer a: b" } }
            """).Workloads;
        using var http = new HttpClient();
        var target = new RegionTarget(http, Ingress, new OdooCredentials("db", "admin", "secret"), TimeProvider.System);

        var health = LoadPlanFactory.HttpOptions(workload[0], Ingress);
        Assert.Equal(new Uri("http://127.0.0.1:18080/web/health?full=1"), health.Url);
        Assert.Equal((HttpMethod.Head, new StatusRange(200, 204), TimeSpan.FromSeconds(2), (string?)null), (health.Method, health.ExpectedStatus, health.Timeout, health.Body));
        var post = LoadPlanFactory.HttpOptions(workload[1], Ingress);
        Assert.Equal((HttpMethod.Post, StatusRange.Success, HttpWorkloadOptions.DefaultTimeout, "x=1", "application/x-www-form-urlencoded"), (post.Method, post.ExpectedStatus, post.Timeout, post.Body, post.ContentType));
        Assert.Equal(new Dictionary<string, string> { ["X-Tenant"] = "acme", ["Authorization"] = "Bearer a: b" }, post.Headers);
        Assert.Empty(health.Headers);
        Assert.Equal("http.head", Assert.IsType<HttpWorkload>(LoadPlanFactory.Workload(workload[0], target)).Operation);
    }

    [Fact]
    public void Each_runnable_kind_makes_its_workload_and_another_kind_is_refused_up_front()
    {
        var kinds = WorkloadKindRegistry.Default.With(new WorkloadKind("login", new Dictionary<string, WorkloadParameterType>()));
        var scenario = Parse("""
              - { name: order-import, region: eu, model: constant-rate, rate: 1/s }
              - { name: login, region: eu, model: constant-rate, rate: 1/s }
            """, new ScenarioLoadOptions { WorkloadKinds = kinds });
        using var http = new HttpClient();
        var target = new RegionTarget(http, Ingress, new OdooCredentials("db", "admin", "secret"), TimeProvider.System);

        // Without `ack`, orders are acknowledged after the read-back, as before the parameter existed.
        Assert.Equal(OrderAcknowledgement.ReadBack, Assert.IsType<OrderImportWorkload>(LoadPlanFactory.Workload(scenario.Workloads[0], target)).Options.Acknowledge);
        var refused = Assert.Throws<UnsupportedScenarioException>(() => LoadPlanFactory.EnsureRunnable(scenario, TopologyCatalog.SingleRegionHa));
        Assert.Contains($"workload 'login': kind 'login' cannot run yet (available: {string.Join(", ", LoadPlanFactory.RunnableKinds)})", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("order-import'", refused.Message, StringComparison.Ordinal);
        Assert.Contains("http", LoadPlanFactory.RunnableKinds);
        Assert.Throws<UnsupportedScenarioException>(() => LoadPlanFactory.Workload(scenario.Workloads[1], target));
    }

    [Fact]
    public void Each_odoo_kind_becomes_its_workload_with_the_scenario_parameters()
    {
        var scenario = Parse(
            "  - { name: order-import, region: eu, model: constant-rate, rate: 1/s, lines: 2..6, customers: 20, products: 50, ack: commit }\n"
            + "  - { name: warehouse-scan, region: eu, model: constant-rate, rate: 1/s, lines: 1..3, backlog: 40, products: 30 }\n"
            + "  - { name: portal-browse, region: eu, model: constant-rate, rate: 1/s, customers: 7, page_size: 10, pages: 4 }\n"
            + "  - { name: bulk-scan, kind: warehouse-scan, region: eu, model: constant-rate, rate: 1/s }\n");
        using var http = new HttpClient();
        var target = new RegionTarget(http, Ingress, new OdooCredentials("db", "admin", "secret"), TimeProvider.System);

        LoadPlanFactory.EnsureRunnable(scenario, TopologyCatalog.SingleRegionHa);
        var workloads = scenario.Workloads.Select(w => LoadPlanFactory.Workload(w, target)).ToList();

        var import = Assert.IsType<OrderImportWorkload>(workloads[0]);
        Assert.Equal(
            (2, 6, 20, 50, true, OrderAcknowledgement.Commit),
            (import.Options.MinLines, import.Options.MaxLines, import.Options.CustomerLimit, import.Options.ProductLimit, import.Options.AttachSourceDocument, import.Options.Acknowledge));
        var scan = Assert.IsType<WarehouseScanWorkload>(workloads[1]);
        Assert.Equal(("EU", 40, 1, 3, 30), (scan.Options.WarehouseCode, scan.Options.Backlog, scan.Options.MinLines, scan.Options.MaxLines, scan.Options.ProductLimit));
        var browse = Assert.IsType<PortalBrowseWorkload>(workloads[2]);
        Assert.Equal((7, 10, 4), (browse.Options.CustomerLimit, browse.Options.PageSize, browse.Options.Pages));
        // Unset parameters keep the workload's defaults.
        var defaults = Assert.IsType<WarehouseScanWorkload>(workloads[3]);
        Assert.Equal(new WarehouseScanOptions { WarehouseCode = "EU" }, defaults.Options);
    }

    [Fact]
    public void A_plan_the_engine_would_reject_is_refused_before_anything_starts()
    {
        var scenario = Parse("""
              - { name: order-import, region: eu, model: constant-rate, rate: 1/s, lines: 2..4, products: 5 }
              - { name: idle, kind: order-import, region: eu, model: ramping-concurrency, stages: [{ to: 0, over: 10s }] }
            """);

        var refused = Assert.Throws<UnsupportedScenarioException>(() => LoadPlanFactory.EnsureRunnable(scenario, TopologyCatalog.SingleRegionHa)).Message;

        Assert.Contains("load plan: workload 2 (idle@eu): the profile never asks for a user", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("order-import'", refused, StringComparison.Ordinal);
        LoadPlanFactory.EnsureRunnable(Parse("  - { name: order-import, region: eu, model: constant-rate, rate: 1/s, lines: 2..4, products: 5 }\n"), TopologyCatalog.SingleRegionHa);
    }

    /// <summary>Phases compare by value; a model's stage list is a list, which records compare by reference.</summary>
    private sealed class PhaseComparer : IEqualityComparer<LoadPhase>
    {
        public static readonly PhaseComparer Instance = new();

        public bool Equals(LoadPhase? x, LoadPhase? y) =>
            x is not null && y is not null && x.Duration == y.Duration && x.Model.Describe() == y.Model.Describe();

        public int GetHashCode(LoadPhase obj) => obj.Duration.GetHashCode();
    }
}
