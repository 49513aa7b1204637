using Simulator.AppHost.Integrations.Patroni;

namespace Simulator.AppHost.Tests.Integrations.Patroni;

public sealed class PatroniConfigTests
{
    private static readonly PatroniNodeSettings Node = new(
        "us-pg-1", "/run/us-pg-1", "/run/us-pg-1-sockets", "/run/us-pg-1.pgpass", "/usr/lib/postgresql/15/bin", "odoo",
        "bash /x/patroni-post-init.sh odoo", new PatroniPasswords("su", "rep", "rew"));

    [Theory]
    [InlineData(PatroniReplication.Async, "synchronous_mode: false", "synchronous_mode_strict: false")]
    [InlineData(PatroniReplication.Sync, "synchronous_mode: true", "synchronous_mode_strict: false")]
    [InlineData(PatroniReplication.SyncStrict, "synchronous_mode: true", "synchronous_mode_strict: true")]
    public void Replication_modes_map_onto_patronis_synchronous_settings(PatroniReplication replication, string mode, string strict)
    {
        var yaml = PatroniConfig.Render(Node, new PatroniClusterOptions { Replication = replication });

        Assert.Contains(mode, yaml, StringComparison.Ordinal);
        Assert.Contains(strict, yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Timing_lag_scope_and_node_identity_are_written_and_addresses_are_left_to_the_environment()
    {
        var yaml = PatroniConfig.Render(Node, new PatroniClusterOptions { Timing = PatroniTiming.Fast, MaximumLagOnFailover = 4096, Scope = "odoo-ha" });

        Assert.Contains("scope: odoo-ha\nname: us-pg-1\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    ttl: 10\n    loop_wait: 2\n    retry_timeout: 3\n    maximum_lag_on_failover: 4096\n", yaml, StringComparison.Ordinal);
        Assert.Contains("sim.node: 'us-pg-1'", yaml, StringComparison.Ordinal);
        Assert.Contains("data_dir: '/run/us-pg-1'", yaml, StringComparison.Ordinal);
        Assert.Contains("post_init: 'bash /x/patroni-post-init.sh odoo'", yaml, StringComparison.Ordinal);
        Assert.Contains("mode: \"off\"", yaml, StringComparison.Ordinal);
        // A replica whose first try to stream from a new leader came before its slot existed tries again after 1 s.
        Assert.Contains("\n        wal_retrieve_retry_interval: 1s\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("listen:", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("hosts:", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void A_nodes_tags_say_whether_it_may_lead_or_be_the_synchronous_standby()
    {
        var plain = PatroniConfig.Render(Node, new PatroniClusterOptions());
        var far = PatroniConfig.Render(Node with { Tags = new PatroniNodeTags(NoFailover: false, NoSync: true) }, new PatroniClusterOptions());
        var never = PatroniConfig.Render(Node with { Tags = new PatroniNodeTags(NoFailover: true, NoSync: false) }, new PatroniClusterOptions());

        Assert.EndsWith("tags:\n  nofailover: false\n  nosync: false\n", plain, StringComparison.Ordinal);
        Assert.EndsWith("tags:\n  nofailover: false\n  nosync: true\n", far, StringComparison.Ordinal);
        Assert.EndsWith("tags:\n  nofailover: true\n  nosync: false\n", never, StringComparison.Ordinal);
    }

    [Fact]
    public void A_standby_cluster_node_bootstraps_from_the_source_inside_bootstrap_dcs()
    {
        var yaml = PatroniConfig.Render(Node, new PatroniClusterOptions(), standbySourcePort: 41234);

        Assert.Contains(
            "    synchronous_mode_strict: false\n    standby_cluster:\n      host: 127.0.0.1\n      port: 41234\n      create_replica_methods:\n      - basebackup\n    postgresql:\n",
            yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("standby_cluster", PatroniConfig.Render(Node, new PatroniClusterOptions()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PatroniDcs.Etcd, "etcd:", "PATRONI_ETCD_HOSTS")]
    [InlineData(PatroniDcs.Etcd3, "etcd3:", "PATRONI_ETCD3_HOSTS")]
    public void The_dcs_api_picks_the_section_and_its_hosts_variable_and_never_rediscovers_members(PatroniDcs dcs, string section, string variable)
    {
        var yaml = PatroniConfig.Render(Node, new PatroniClusterOptions { Dcs = dcs });

        Assert.Contains($"\n{section}\n  protocol: http\n", yaml, StringComparison.Ordinal);
        Assert.Contains("use_proxies: true", yaml, StringComparison.Ordinal);
        Assert.Equal(variable, PatroniConfig.DcsHostsVariable(dcs));
    }

    [Fact]
    public void The_rendered_configuration_is_yaml_that_patronis_own_parser_reads()
    {
        // patroni --validate-config would need a reachable etcd and rejects loopback addresses the daemon accepts;
        // the integration test runs the daemon itself. Here: the YAML parses, with the structure Patroni expects.
        var yaml = PatroniConfig.Render(Node, new PatroniClusterOptions { Replication = PatroniReplication.Sync, Timing = PatroniTiming.Fast });
        using var file = new TempFile(yaml, ".yml");
        var result = ProcessRunner.Run(
            "/usr/bin/python3",
            ["-c", "import sys, yaml; c = yaml.safe_load(open(sys.argv[1])); print(c['bootstrap']['dcs']['ttl'], c['postgresql']['parameters']['sim.node'], c['etcd']['use_proxies'])", file.Path]);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Equal("10 us-pg-1 True", result.Output.Trim());
    }
}
