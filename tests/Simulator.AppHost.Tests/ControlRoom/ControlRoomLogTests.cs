using Microsoft.Extensions.Time.Testing;
using Simulator.AppHost.ControlRoom;

namespace Simulator.AppHost.Tests.ControlRoom;

/// <summary>The control room's event log on a fake clock.</summary>
public sealed class ControlRoomLogTests
{
    [Fact]
    public void Records_events_in_order_on_its_own_clock_and_tells_the_observer()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));
        var seen = new List<ControlRoomEvent>();
        var log = new ControlRoomLog(time, seen.Add);

        time.Advance(TimeSpan.FromSeconds(12.5));
        var isolated = log.Record("isolate", "eu", "cut 1 link (us->eu:postgres) both ways", succeeded: true, started: [new("partition", "eu")]);
        time.Advance(TimeSpan.FromSeconds(3));
        log.Record("kill", "eu-pg-9", "the topology has no resource or region called eu-pg-9", succeeded: false, started: [new("kill", "eu-pg-9")]);

        Assert.Equal(12.5, isolated.AtSeconds);
        Assert.Equal(time.GetUtcNow().AddSeconds(-3), isolated.At);
        Assert.Equal(seen, log.Events);
        Assert.Equal(["isolate", "kill"], seen.Select(e => e.Action));
        Assert.Equal("[   12.5s] isolate eu: cut 1 link (us->eu:postgres) both ways", isolated.ToString());
        Assert.Contains("kill eu-pg-9 FAILED: ", seen[1].ToString(), StringComparison.Ordinal);
        // A failed action starts no fault.
        Assert.Equal([new ControlRoomFault("partition", "eu")], log.OpenFaults());
    }

    [Fact]
    public void Keeps_the_faults_as_a_run_reports_them_each_ended_by_what_undid_it()
    {
        var time = new FakeTimeProvider();
        var log = new ControlRoomLog(time);

        time.Advance(TimeSpan.FromSeconds(10));
        log.Record("isolate", "us", "cut", true, started: [new("partition", "us")]);
        time.Advance(TimeSpan.FromSeconds(5));
        log.Record("add-latency", "us", "+100 ms", true, started: [new("latency", "us")]);
        log.Record("freeze", "eu-pg-2", "pause", true, started: [new("pause", "eu-pg-2")]);
        time.Advance(TimeSpan.FromSeconds(5));
        log.Record("heal", "us", "removed partition on us, latency on us", true, ended: [new("partition", "us"), new("latency", "us")]);
        time.Advance(TimeSpan.FromSeconds(1));
        log.Record("add-latency", "us", "+50 ms", true, started: [new("latency", "us")]);

        var faults = log.Faults;
        Assert.Equal(
            [("partition", "us", 10.0, (double?)20.0), ("latency", "us", 15.0, 20.0), ("pause", "eu-pg-2", 15.0, null), ("latency", "us", 21.0, null)],
            faults.Select(f => (f.Kind, f.Target, f.StartedAtSeconds, f.EndedAtSeconds)));
        Assert.Equal([new ControlRoomFault("pause", "eu-pg-2"), new ControlRoomFault("latency", "us")], log.OpenFaults().OrderBy(f => f.Kind, StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void An_instant_action_starts_and_ends_at_once_and_leaves_nothing_open_unless_it_failed()
    {
        var time = new FakeTimeProvider();
        var log = new ControlRoomLog(time);

        time.Advance(TimeSpan.FromSeconds(7));
        log.Record("switchover", "us-pg-1", "eu-pg-1 → us-pg-1", true, instant: [new("switchover", "us")]);
        time.Advance(TimeSpan.FromSeconds(2));
        log.Record("switchover", "eu-pg-1", "eu-pg-1 leads already", false, instant: [new("switchover", "eu")]);

        Assert.Equal([("switchover", "us", 7.0, (double?)7.0)], log.Faults.Select(f => (f.Kind, f.Target, f.StartedAtSeconds, f.EndedAtSeconds)));
        Assert.Empty(log.OpenFaults());
    }
}
