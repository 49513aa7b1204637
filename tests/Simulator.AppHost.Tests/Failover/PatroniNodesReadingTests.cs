using Simulator.AppHost.Failover;
using Simulator.AppHost.Integrations.Patroni;

namespace Simulator.AppHost.Tests.Failover;

/// <summary>Patroni's statuses (as its REST API words them) turned into the leader and each replica's lag.</summary>
public sealed class PatroniNodesReadingTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 20, 0, 10, TimeSpan.Zero);

    private const string Leader = """{"state": "running", "role": "master", "timeline": 3, "xlog": {"location": 50331648}}""";

    private const string CaughtUp = """
        {"state": "running", "role": "replica", "timeline": 3,
         "xlog": {"received_location": 50331648, "replayed_location": 50331648, "replayed_timestamp": "2026-11-29 20:00:01.250000+00:00", "paused": false}}
        """;

    private const string Behind = """
        {"state": "running", "role": "replica", "timeline": 3,
         "xlog": {"received_location": 50331000, "replayed_location": 50330624, "replayed_timestamp": "2026-11-29 20:00:07.500000+00:00", "paused": false}}
        """;

    [Fact]
    public void A_replica_status_carries_what_it_received_and_when_its_last_replayed_transaction_was_committed()
    {
        var status = PatroniStatus.Parse(Behind);

        Assert.True(status.IsReplica);
        Assert.Equal(50330624, status.WalPosition);
        Assert.Equal(50331000, status.ReceivedPosition);
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 20, 0, 7, 500, TimeSpan.Zero), status.ReplayedAt);
        Assert.Null(PatroniStatus.Parse(Leader).ReceivedPosition);
    }

    [Fact]
    public void Lag_is_measured_against_whichever_node_runs_as_primary_and_is_zero_seconds_once_all_received_is_replayed()
    {
        var reading = Reading(("eu-pg-1", CaughtUp), ("us-pg-1", Leader), ("apac-pg-1", Behind));

        Assert.Equal("us-pg-1", reading.Leader);
        var lag = reading.Lag();
        Assert.Equal([("eu-pg-1", (long?)0, (double?)0), ("apac-pg-1", 1024, 2.5)], lag.Select(s => (s.Node, s.Bytes, s.Seconds)));
        Assert.All(lag, s => Assert.Equal(At, s.At));
    }

    [Fact]
    public void Without_a_leader_the_bytes_behind_are_unknown_and_a_silent_node_has_no_reading()
    {
        var reading = Reading(("eu-pg-1", null), ("us-pg-1", Behind), ("apac-pg-1", """{"state": "stopped", "role": "replica"}"""));

        Assert.Null(reading.Leader);
        var sample = Assert.Single(reading.Lag());
        Assert.Equal(("us-pg-1", (long?)null, (double?)2.5), (sample.Node, sample.Bytes, sample.Seconds));
        Assert.Null(reading.StatusOf("eu-pg-1"));
    }

    [Fact]
    public void A_standby_cluster_leader_leads_when_no_node_runs_as_primary()
    {
        var reading = Reading(("dr-pg-1", """{"state": "running", "role": "standby_leader", "timeline": 2, "xlog": {"received_location": 10, "replayed_location": 10}}"""));

        Assert.Equal("dr-pg-1", reading.Leader);
        Assert.Empty(reading.Lag());
    }

    internal static PatroniNodesReading Reading(params (string Node, string? Json)[] nodes) =>
        new(At, [.. nodes.Select(n => (n.Node, n.Json is null ? null : PatroniStatus.Parse(n.Json)))]);
}
