using Simulator.AppHost.Integrations.HAProxy;

namespace Simulator.AppHost.Tests.Integrations;

public sealed class HAProxyConfigTests
{
    [Fact]
    public void Balances_round_robin_over_every_server_with_health_checks_on_loopback()
    {
        var config = HAProxyConfig.Render(["eu-odoo-1", "eu-odoo-2"]);

        Assert.Contains("bind \"127.0.0.1:${SIM_INGRESS_PORT}\"", config, StringComparison.Ordinal);
        Assert.Contains("balance roundrobin", config, StringComparison.Ordinal);
        Assert.Contains("option httpchk GET /web/health", config, StringComparison.Ordinal);
        Assert.Contains("server eu-odoo-1 \"${SIM_ODOO_0}\" check", config, StringComparison.Ordinal);
        Assert.Contains("server eu-odoo-2 \"${SIM_ODOO_1}\" check", config, StringComparison.Ordinal);
        Assert.Contains($"monitor-uri {HAProxyResource.HealthPath}", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Haproxy_accepts_the_rendered_configuration()
    {
        var file = Path.Combine(Path.GetTempPath(), $"haproxy-check-{Guid.NewGuid():N}.cfg");
        File.WriteAllText(file, HAProxyConfig.Render(["a", "b", "c"]));
        try
        {
            var result = ProcessRunner.Run(
                "haproxy",
                ["-c", "-f", file],
                new Dictionary<string, string>
                {
                    ["SIM_INGRESS_PORT"] = "18080",
                    ["SIM_ODOO_0"] = "127.0.0.1:18081",
                    ["SIM_ODOO_1"] = "127.0.0.1:18082",
                    ["SIM_ODOO_2"] = "127.0.0.1:18083",
                });

            Assert.True(result.ExitCode == 0, result.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
