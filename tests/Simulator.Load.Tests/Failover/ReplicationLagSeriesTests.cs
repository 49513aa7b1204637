using Simulator.Load.Failover;

namespace Simulator.Load.Tests.Failover;

public class ReplicationLagSeriesTests
{
    [Fact]
    public void Readings_become_one_series_per_replica_with_the_highest_value_per_second()
    {
        var origin = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var series = ReplicationLagSeries.FromSamples(
        [
            new ReplicationLagSample(origin.AddSeconds(-0.5), "us", 1, 0.1),  // before the run: left out
            new ReplicationLagSample(origin.AddSeconds(0.2), "us", 100, 0.004),
            new ReplicationLagSample(origin.AddSeconds(0.7), "us", 300, null),
            new ReplicationLagSample(origin.AddSeconds(2.1), "us", null, null),
            new ReplicationLagSample(origin.AddSeconds(0.4), "apac", 0, 0),
        ],
        origin);

        Assert.Equal(["apac", "us"], series.Select(s => s.Node));
        var us = series[1];
        Assert.Equal([0, 2], us.Second);
        Assert.Equal([300L, null], us.Bytes);
        Assert.Equal([0.004, null], us.Seconds);
    }
}
