using Simulator.AppHost.Integrations.HAProxy;

namespace Simulator.AppHost.Tests.Integrations;

public sealed class PostgresRouterConfigTests
{
    [Fact]
    public void Writes_follow_patronis_primary_check_and_reads_prefer_the_local_replica()
    {
        var config = PostgresRouterConfig.Render(["eu-pg-1", "us-pg-1", "apac-pg-1"], localIndex: 1);
        var leader = config[config.IndexOf("\nbackend pg_leader", StringComparison.Ordinal)..config.IndexOf("\nbackend pg_replicas", StringComparison.Ordinal)];
        var replicas = config[config.IndexOf("\nbackend pg_replicas", StringComparison.Ordinal)..];

        Assert.Contains("mode tcp", config, StringComparison.Ordinal);
        Assert.Contains("option httpchk OPTIONS /primary", leader, StringComparison.Ordinal);
        Assert.Contains("on-marked-down shutdown-sessions", leader, StringComparison.Ordinal);
        Assert.Contains("server eu-pg-1 \"127.0.0.1:${SIM_PG_0}\" check addr 127.0.0.1 port \"${SIM_PATRONI_0}\"\n", leader, StringComparison.Ordinal);
        Assert.DoesNotContain("backup", leader, StringComparison.Ordinal);
        Assert.Contains("option httpchk OPTIONS /replica", replicas, StringComparison.Ordinal);
        Assert.Contains("server us-pg-1 \"127.0.0.1:${SIM_PG_1}\" check addr 127.0.0.1 port \"${SIM_PATRONI_1}\"\n", replicas, StringComparison.Ordinal);
        Assert.Contains("server eu-pg-1 \"127.0.0.1:${SIM_PG_0}\" check addr 127.0.0.1 port \"${SIM_PATRONI_0}\" backup", replicas, StringComparison.Ordinal);
        Assert.Contains("server apac-pg-1 \"127.0.0.1:${SIM_PG_2}\" check addr 127.0.0.1 port \"${SIM_PATRONI_2}\" backup", replicas, StringComparison.Ordinal);
        Assert.Contains("monitor fail if { nbsrv(pg_leader) lt 1 }", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Haproxy_accepts_the_rendered_configuration()
    {
        using var file = new TempFile(PostgresRouterConfig.Render(["a", "b"], localIndex: -1), ".cfg");
        var result = ProcessRunner.Run(
            "haproxy",
            ["-c", "-f", file.Path],
            new Dictionary<string, string>
            {
                [PostgresRouterConfig.WritePortVariable] = "18090",
                [PostgresRouterConfig.ReadPortVariable] = "18091",
                [PostgresRouterConfig.MonitorPortVariable] = "18092",
                [PostgresRouterConfig.PostgresPortVariable(0)] = "18093",
                [PostgresRouterConfig.RestPortVariable(0)] = "18094",
                [PostgresRouterConfig.PostgresPortVariable(1)] = "18095",
                [PostgresRouterConfig.RestPortVariable(1)] = "18096",
            });

        Assert.True(result.ExitCode == 0, result.Output);
    }
}
