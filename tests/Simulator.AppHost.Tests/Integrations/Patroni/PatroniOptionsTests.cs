using Simulator.AppHost.Integrations.Patroni;

namespace Simulator.AppHost.Tests.Integrations.Patroni;

public sealed class PatroniOptionsTests
{
    [Fact]
    public void The_named_timing_profiles_are_valid_and_unknown_names_are_not_profiles()
    {
        Assert.Equal(new PatroniTiming("default", 30, 10, 10), PatroniTiming.Named("default"));
        Assert.Equal(new PatroniTiming("fast", 10, 2, 3), PatroniTiming.Named("fast"));
        Assert.Null(PatroniTiming.Named("faster"));
        Assert.Empty(PatroniTiming.Default.Validate());
        Assert.Empty(PatroniTiming.Fast.Validate());
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var options = new PatroniClusterOptions
        {
            Timing = new PatroniTiming("custom", 10, 5, 3),
            MaximumLagOnFailover = -1,
            Scope = "has space",
        };

        var errors = options.Validate();

        Assert.Equal(3, errors.Count);
        Assert.Contains("loop_wait + 2 × retry_timeout (5 + 2 × 3 = 11 s) must not exceed ttl (10 s)", errors[0], StringComparison.Ordinal);
        Assert.Contains("maximum_lag_on_failover", errors[1], StringComparison.Ordinal);
        Assert.Contains("scope 'has space'", errors[2], StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_etcd_v2_asynchronous_default_timing_and_one_mebibyte_of_lag()
    {
        var options = new PatroniClusterOptions();

        Assert.Equal(PatroniDcs.Etcd, options.Dcs);
        Assert.Equal(PatroniReplication.Async, options.Replication);
        Assert.Same(PatroniTiming.Default, options.Timing);
        Assert.Equal(1024 * 1024, options.MaximumLagOnFailover);
        Assert.Empty(options.Validate());
    }
}
