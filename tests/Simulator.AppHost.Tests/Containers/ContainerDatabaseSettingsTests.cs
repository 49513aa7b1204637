using Simulator.AppHost.Cli;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Native;
using Simulator.AppHost.Run;
using Simulator.AppHost.Run.Containers;
using Simulator.AppHost.Topology;
using static Simulator.AppHost.Tests.Containers.TraefikDynamicConfigTests;

namespace Simulator.AppHost.Tests.Containers;

/// <summary>
/// A scenario's <c>database:</c> (replication mode, failover timing) reaches the containers' Patroni configuration as
/// it reaches the native one: through the topology <see cref="DatabasePlan.Apply"/> hands both runtimes.
/// </summary>
public sealed class ContainerDatabaseSettingsTests
{
    public static TheoryData<string, string, string, string, string> Settings() => new()
    {
        // replication, timing → synchronous_mode, synchronous_mode_strict, ttl
        { "async", "fast", "false", "false", "10" },
        { "sync", "default", "true", "false", "30" },
        { "sync-strict", "fast", "true", "true", "10" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void A_scenarios_database_settings_shape_every_containers_patroni_node(
        string replication, string timing, string synchronous, string strict, string ttl)
    {
        var scenario = ScenarioFiles.Load(Fixtures.Path("patroni-node-loss-async.yaml"), durationOverride: null, new StringWriter());
        Assert.NotNull(scenario);
        scenario = scenario with { Database = new Scenarios.DatabaseSettings { Replication = replication, Timing = timing } };

        foreach (var catalogue in new[] { TopologyCatalog.SinglePrimaryMultiReplica, TopologyCatalog.WarmStandbyDr })
        {
            var spec = DatabasePlan.Apply(scenario, catalogue);
            using var run = RunDirectory.Create(TimeProvider.System);
            var topology = new ContainerRunTopology(TestingBuilders.Create().AddContainerTopology(
                spec, run, RunSecrets.NewOdooCredentials(), ContainerTopologyOptions.Default));

            foreach (var node in topology.DatabaseNodes)
            {
                var dcs = Parse(node.GeneratedFile("/etc/patroni/patroni.yml")!)["bootstrap"]["dcs"];
                Assert.Equal(synchronous, Text(dcs["synchronous_mode"]));
                Assert.Equal(strict, Text(dcs["synchronous_mode_strict"]));
                Assert.Equal(ttl, Text(dcs["ttl"]));
                Assert.Equal(PatroniTiming.Named(timing)!.LoopWait.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(dcs["loop_wait"]));
                Assert.Equal(PatroniTiming.Named(timing)!.RetryTimeout.ToString(System.Globalization.CultureInfo.InvariantCulture), Text(dcs["retry_timeout"]));
                // As natively: a replica retries streaming from a new leader after 1 s, not PostgreSQL's 5 s.
                Assert.Equal("1s", Text(dcs["postgresql"]["parameters"]["wal_retrieve_retry_interval"]));
                // The topology's Patroni tags, as natively: single-primary-multi-replica's apac is never the synchronous standby.
                var tags = Parse(node.GeneratedFile("/etc/patroni/patroni.yml")!)["tags"];
                Assert.Equal(node.Name == "apac-pg-1" ? "true" : "false", Text(tags["nosync"]));
                Assert.Equal("false", Text(tags["nofailover"]));
            }

            // The harness watches the cluster with the same scope the nodes were given.
            Assert.Equal(spec.Patroni!.Scope, topology.Topology.PatroniSettings.Scope);
        }
    }

    [Fact]
    public void The_configured_patroni_profile_applies_only_to_topologies_without_patroni_options_of_their_own()
    {
        var options = ContainerTopologyOptions.Default with { Patroni = PatroniClusterSettings.Default };

        // two-region replicates natively without Patroni; containers run it under Patroni with the configured profile.
        Assert.Same(PatroniClusterSettings.Default, options.PatroniFor(TopologyCatalog.TwoRegion));
        // single-primary-multi-replica names its own (synchronous, fast): those win, as natively.
        var own = options.PatroniFor(TopologyCatalog.SinglePrimaryMultiReplica);
        Assert.Equal((10, 2, 3, true, false), (own.Ttl, own.LoopWait, own.RetryTimeout, own.SynchronousMode, own.SynchronousModeStrict));
    }
}
