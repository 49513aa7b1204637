using Microsoft.Extensions.Diagnostics.HealthChecks;
using Simulator.AppHost.Integrations.Health;

namespace Simulator.AppHost.Tests.Integrations.Health;

public sealed class ReadinessHealthCheckTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task A_resource_that_becomes_ready_while_one_check_waits_is_reported_healthy_by_that_check()
    {
        var asked = 0;
        var check = new ReadinessHealthCheck(
            _ => Task.FromResult(++asked >= 4 ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("starting")),
            TimeProvider.System, Poll, TimeSpan.FromSeconds(30));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.Equal(4, asked);
    }

    [Fact]
    public async Task A_resource_that_never_becomes_ready_is_reported_unhealthy_with_its_reason_once_the_patience_runs_out()
    {
        var asked = 0;
        var check = new ReadinessHealthCheck(
            _ => Task.FromResult(HealthCheckResult.Unhealthy($"refused {++asked}")), TimeProvider.System, Poll, TimeSpan.FromMilliseconds(100));

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.True(asked > 2, $"asked {asked} times");
        Assert.Equal($"refused {asked}", result.Description);
    }

    [Fact]
    public async Task A_healthy_resource_that_fails_is_reported_at_once_and_its_recovery_waited_for_again()
    {
        var answers = new Queue<HealthStatus>([HealthStatus.Healthy, HealthStatus.Unhealthy, HealthStatus.Unhealthy, HealthStatus.Healthy]);
        var asked = 0;
        var check = new ReadinessHealthCheck(
            _ =>
            {
                asked++;
                return Task.FromResult(new HealthCheckResult(answers.Dequeue()));
            },
            TimeProvider.System, Poll, TimeSpan.FromSeconds(30));

        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(HealthStatus.Unhealthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(2, asked);
        Assert.Equal(HealthStatus.Healthy, (await check.CheckHealthAsync(new HealthCheckContext())).Status);
        Assert.Equal(4, asked);
    }
}
