using Simulator.AppHost.Cli;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Native;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Scenarios;

namespace Simulator.AppHost.Tests.Run;

/// <summary>A scenario whose topology is written inline goes through what <c>sim run</c> does before standing anything up.</summary>
public sealed class InlineTopologyPlanTests
{
    [Fact]
    public void An_inline_patroni_topology_becomes_the_spec_the_load_plan_the_faults_and_the_app_model()
    {
        var printed = new StringWriter();

        var scenario = ScenarioFiles.Load(Fixtures.Path("inline-patroni.yaml"), durationOverride: null, printed);

        Assert.True(scenario is not null, printed.ToString());
        var spec = DatabasePlan.Apply(scenario, ScenarioFiles.TopologyOf(scenario));
        Assert.Equal(("eu-us-patroni", "Two regions, a Patroni node and etcd member each."), (spec.Name, spec.Description));
        Assert.Equal([new RegionSpec("eu", 1, 0), new RegionSpec("us", 2, 0)], spec.Regions);
        Assert.Equal((PatroniReplication.Async, PatroniTiming.Fast, false), (spec.Patroni!.Replication, spec.Patroni.Timing, spec.WarmStandby));
        LoadPlanFactory.EnsureRunnable(scenario, spec);
        var plan = LoadPlanFactory.Plan(scenario);
        Assert.Empty(plan.Validate());
        Assert.Equal(["eu", "us"], plan.Workloads.Select(w => w.Region));
        Assert.Equal(2, FaultPlan.Specs(scenario).Count);
        Assert.Contains("us->eu:postgres", spec.LinkNames().Select(l => l.ToString()));

        using var run = RunDirectory.Create(TimeProvider.System);
        var topology = TestingBuilders.Create().AddNativeTopology(spec, run, RunSecrets.NewOdooCredentials());
        Assert.Equal(spec.ResourceNames(), topology.AllResources().Select(r => r.Name));
        Assert.Contains("us-odoo-2", spec.ResourceNames());
        Assert.Contains("us-pg-router", spec.ResourceNames());
    }

    [Fact]
    public void Faults_and_database_settings_are_checked_against_the_inline_topology()
    {
        var result = ScenarioLoader.Parse(
            """
            name: x
            topology:
              name: one
              regions: [{ name: eu, odoo_nodes: 1, database_replicas: 1 }]
            duration: 60s
            database: { timing: fast }
            workloads:
              - { name: order-import, region: eu, model: constant-rate, rate: 1/s }
            faults:
              - { at: 1s, kill: eu-pg-3, for: 5s }
            """,
            "inline.yaml",
            ScenarioFiles.LoadOptions);

        Assert.Equal([(6, 11, "database"), (10, 21, "faults[0].kill")], result.Errors.Select(e => (e.Line, e.Column, e.Field)));
        Assert.Contains("`eu-pg-3`", result.Errors[1].Message, StringComparison.Ordinal);
        Assert.Contains("eu-pg-2", result.Errors[1].Hint, StringComparison.Ordinal);
    }
}
