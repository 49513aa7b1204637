using System.Diagnostics;

namespace Simulator.Chaos.Tests.Timeline;

/// <summary>The fault timeline on a fake clock, with fake fault actions. Nothing here depends on real time but the guards.</summary>
public sealed class FaultTimelineTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(20);

    private readonly RunClock _clock = new();
    private readonly FakeProcessFaults _processes;
    private readonly FakeLinkFaults _links;
    private readonly EventLog _events = new();

    public FaultTimelineTests()
    {
        _processes = new FakeProcessFaults(_clock);
        _links = new FakeLinkFaults(_clock);
    }

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private FaultTimeline Timeline(params FaultSpec[] faults) => new(faults, new FaultTimelineOptions
    {
        LinkFaults = _links,
        ProcessFaults = _processes,
        Regions = ["eu", "us", "eu-west"],
        Time = _clock.Time,
    });

    private Task<IReadOnlyList<FaultRecord>> Run(FaultTimeline timeline, CancellationToken cancellationToken = default) =>
        timeline.RunAsync(_clock.Origin, _events, cancellationToken);

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < Guard, $"timed out waiting until {what}");
            await Task.Delay(5);
        }
    }

    [Fact]
    public async Task Fires_each_fault_at_its_offset_and_undoes_timed_ones_after_for()
    {
        var timeline = Timeline(
            new FaultSpec(S(10), FaultType.Partition, "eu") { For = S(30) },
            new FaultSpec(S(20), FaultType.Pause, "pg-eu-1") { For = S(5) },
            new FaultSpec(S(15), FaultType.Kill, "odoo-us-1"));
        var run = Run(timeline);

        await _clock.AdvanceToAsync(9.9);
        Assert.Empty(_links.Calls);
        Assert.All(timeline.Records, r => Assert.Equal(FaultOutcome.Pending, r.Outcome));

        await _clock.AdvanceToAsync(10);
        await Eventually(() => _links.Calls.Count == 1, "the partition fired");
        Assert.Equal(new Call("partition", "eu", 10, PartitionDirection.Both), _links.Calls[0]);

        await _clock.AdvanceToAsync(45);
        var records = await run.WaitAsync(Guard);

        Assert.Equal(
            [new Call("kill", "odoo-us-1", 15), new Call("pause", "pg-eu-1", 20), new Call("resume", "pg-eu-1", 25)],
            _processes.Calls);
        Assert.Equal(new Call("heal-fault", "eu", 40, 1L), _links.Calls[1]);
        Assert.Equal(
            [(10.0, 40.0, FaultEndReason.Elapsed), (20.0, 25.0, FaultEndReason.Elapsed), (15.0, (double?)null, (FaultEndReason?)null)],
            records.Select(r => (r.StartedAtSeconds!.Value, r.EndedAtSeconds, r.EndReason)));
        Assert.All(records, r => Assert.Equal(FaultOutcome.Applied, r.Outcome));
        Assert.Equal(["partition", "pause", "kill"], records.Select(r => r.Kind));
        Assert.Contains("4242", records[1].Message, StringComparison.Ordinal);
        Assert.Equal(
            [(FaultEventKind.Started, 0, 10.0), (FaultEventKind.Started, 2, 15.0), (FaultEventKind.Started, 1, 20.0), (FaultEventKind.Ended, 1, 25.0), (FaultEventKind.Ended, 0, 40.0)],
            _events.Events.Select(e => (e.Kind, e.Record.Index, e.AtSeconds)));
    }

    [Fact]
    public async Task A_fault_already_due_when_the_run_starts_fires_at_once_and_records_when()
    {
        await _clock.AdvanceToAsync(5);
        var records = await Run(Timeline(new FaultSpec(S(2), FaultType.Kill, "leader"))).WaitAsync(Guard);

        Assert.Equal(5.0, records[0].StartedAtSeconds);
        Assert.Equal([new Call("kill", "leader", 5)], _processes.Calls);
    }

    [Fact]
    public async Task Cancellation_resumes_and_heals_what_was_applied_skips_the_rest_and_still_returns_the_records()
    {
        using var cancel = new CancellationTokenSource();
        var run = Run(Timeline(
            new FaultSpec(S(5), FaultType.Pause, "pg-eu-1") { For = S(60) },
            new FaultSpec(S(5), FaultType.Partition, "eu-us") { For = S(60) },
            new FaultSpec(S(6), FaultType.Stop, "odoo-eu-1") { For = S(60) },
            new FaultSpec(S(100), FaultType.Latency, "eu") { For = S(10), Delay = S(0.2) }), cancel.Token);
        await _clock.AdvanceToAsync(10);
        await Eventually(() => _processes.Calls.Count == 2 && _links.Calls.Count == 1, "the first faults fired");

        await cancel.CancelAsync();
        var records = await run.WaitAsync(Guard);

        Assert.Equal([("pause", 5.0, 10.0), ("partition", 5.0, 10.0)], records.Take(2).Select(r => (r.Kind, r.StartedAtSeconds!.Value, r.EndedAtSeconds!.Value)));
        Assert.All(records.Take(2), r => Assert.Equal(FaultEndReason.Cancelled, r.EndReason));
        Assert.Contains(new Call("resume", "pg-eu-1", 10), _processes.Calls);
        Assert.Contains(new Call("heal-fault", "eu-us", 10, 1L), _links.Calls);
        Assert.Empty(_links.Active);

        // A stopped resource is not started again once the run is over.
        Assert.DoesNotContain(_processes.Calls, c => c.Action == "start");
        Assert.Null(records[2].EndedAtSeconds);
        Assert.Contains("not started again", records[2].Message, StringComparison.Ordinal);

        Assert.Equal(FaultOutcome.Skipped, records[3].Outcome);
        Assert.Null(records[3].StartedAtSeconds);
        Assert.DoesNotContain(_links.Calls, c => c.Action == "latency");
    }

    [Fact]
    public async Task A_pause_without_for_lasts_until_the_run_is_cancelled_and_is_then_resumed()
    {
        using var cancel = new CancellationTokenSource();
        var run = Run(Timeline(new FaultSpec(S(1), FaultType.Pause, "pg-eu-1")), cancel.Token);
        await _clock.AdvanceToAsync(30);
        await Eventually(() => _processes.Calls.Count == 1, "the pause fired");
        Assert.False(run.IsCompleted);

        await cancel.CancelAsync();
        var records = await run.WaitAsync(Guard);

        Assert.Equal([new Call("pause", "pg-eu-1", 1), new Call("resume", "pg-eu-1", 30)], _processes.Calls);
        Assert.Equal((30.0, FaultEndReason.Cancelled), (records[0].EndedAtSeconds!.Value, records[0].EndReason!.Value));
    }

    [Fact]
    public async Task A_switchover_is_an_instant_cluster_action_and_fails_without_a_cluster()
    {
        var cluster = new RecordingCluster();
        var timeline = new FaultTimeline(
            [new FaultSpec(S(3), FaultType.Switchover, "us")],
            new FaultTimelineOptions { ClusterFaults = cluster, Time = _clock.Time });
        var run = timeline.RunAsync(_clock.Origin, _events);
        await _clock.AdvanceToAsync(5);
        var record = Assert.Single(await run.WaitAsync(Guard));

        Assert.Equal(["us"], cluster.Targets);
        Assert.Equal((FaultOutcome.Applied, 3.0, 3.0, FaultEndReason.Completed), (record.Outcome, record.StartedAtSeconds!.Value, record.EndedAtSeconds!.Value, record.EndReason!.Value));
        Assert.Equal("switched to us", record.Message);
        Assert.True(FaultType.Switchover.IsClusterFault());
        Assert.False(FaultType.Switchover.IsNetworkFault() || FaultType.Switchover.IsProcessFault());

        var without = new FaultTimeline([new FaultSpec(S(1), FaultType.Switchover, "any")], new FaultTimelineOptions { Time = _clock.Time });
        var failing = without.RunAsync(_clock.Origin, _events);
        await _clock.AdvanceToAsync(7);
        var failed = Assert.Single(await failing.WaitAsync(Guard));
        Assert.Equal(FaultOutcome.Failed, failed.Outcome);
        Assert.Contains("no Patroni cluster", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_fault_is_recorded_with_its_message_and_not_undone()
    {
        _processes.Failing.Add("pause");
        var timeline = new FaultTimeline(
            [new FaultSpec(S(1), FaultType.Pause, "pg-eu-1") { For = S(5) }, new FaultSpec(S(2), FaultType.Partition, "eu") { For = S(5) }],
            new FaultTimelineOptions { ProcessFaults = _processes, Time = _clock.Time });
        var run = timeline.RunAsync(_clock.Origin, _events);

        await _clock.AdvanceToAsync(10);
        var records = await run.WaitAsync(Guard);

        Assert.Equal((FaultOutcome.Failed, 1.0), (records[0].Outcome, records[0].StartedAtSeconds!.Value));
        Assert.Equal("pause pg-eu-1 failed on purpose", records[0].Message);
        Assert.Null(records[0].EndedAtSeconds);
        Assert.Equal(FaultOutcome.Failed, records[1].Outcome);
        Assert.Contains("no fault proxy", records[1].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_processes.Calls, c => c.Action == "resume");
        Assert.Equal([FaultEventKind.Failed, FaultEventKind.Failed], _events.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_heal_that_fails_is_reported_and_leaves_the_end_open()
    {
        _links.FailHeal = true;
        var run = Run(Timeline(new FaultSpec(S(1), FaultType.Partition, "eu") { For = S(2) }));

        await _clock.AdvanceToAsync(5);
        var records = await run.WaitAsync(Guard);

        Assert.Null(records[0].EndedAtSeconds);
        Assert.Contains("could not end: heal failed on purpose", records[0].Message, StringComparison.Ordinal);
        Assert.Equal([FaultEventKind.Started, FaultEventKind.EndFailed], _events.Events.Select(e => e.Kind));
    }

    [Fact]
    public async Task A_heal_fault_ends_the_faults_it_removes_and_their_timers_do_nothing_more()
    {
        var run = Run(Timeline(
            new FaultSpec(S(5), FaultType.Partition, "eu") { For = S(60) },
            new FaultSpec(S(6), FaultType.Reset, "eu-us") { For = S(60) },
            new FaultSpec(S(10), FaultType.Heal, "eu"),
            new FaultSpec(S(12), FaultType.Heal, "all")));

        await _clock.AdvanceToAsync(70);
        var records = await run.WaitAsync(Guard);

        Assert.Equal((10.0, FaultEndReason.Healed), (records[0].EndedAtSeconds!.Value, records[0].EndReason!.Value));
        Assert.Equal((12.0, FaultEndReason.Healed), (records[1].EndedAtSeconds!.Value, records[1].EndReason!.Value));
        Assert.Equal((10.0, 10.0, FaultEndReason.Completed), (records[2].StartedAtSeconds!.Value, records[2].EndedAtSeconds!.Value, records[2].EndReason!.Value));
        Assert.Equal("healed 1 fault", records[2].Message);
        Assert.DoesNotContain(_links.Calls, c => c.Action == "heal-fault");
        Assert.Equal(["partition", "reset", "heal-target", "heal-all"], _links.Calls.Select(c => c.Action));
    }

    [Fact]
    public async Task Start_is_instantaneous_and_a_kill_with_for_is_started_again_after_it()
    {
        var run = Run(Timeline(new FaultSpec(S(3), FaultType.Start, "odoo-eu-2"), new FaultSpec(S(4), FaultType.Kill, "leader") { For = S(8) }));

        await _clock.AdvanceToAsync(20);
        var records = await run.WaitAsync(Guard);

        Assert.Equal((3.0, 3.0, FaultEndReason.Completed), (records[0].StartedAtSeconds!.Value, records[0].EndedAtSeconds!.Value, records[0].EndReason!.Value));
        Assert.Equal((4.0, 12.0, FaultEndReason.Elapsed), (records[1].StartedAtSeconds!.Value, records[1].EndedAtSeconds!.Value, records[1].EndReason!.Value));
        Assert.Equal([new Call("start", "odoo-eu-2", 3), new Call("kill", "leader", 4), new Call("start", "leader", 12)], _processes.Calls);
    }

    [Fact]
    public async Task Network_parameters_reach_the_link_faults()
    {
        var run = Run(Timeline(
            new FaultSpec(S(1), FaultType.Latency, "eu-west") { For = S(1), Delay = S(0.3), Jitter = S(0.02) },
            new FaultSpec(S(1), FaultType.Partition, "eu->us:postgres") { For = S(1), Direction = PartitionDirection.OneWay },
            new FaultSpec(S(1), FaultType.Timeout, "eu-us") { For = S(1), After = S(5) },
            new FaultSpec(S(1), FaultType.Latency, "us") { For = S(1) }));

        await _clock.AdvanceToAsync(3);
        var records = await run.WaitAsync(Guard);

        var calls = _links.Calls.Where(c => !c.Action.StartsWith("heal", StringComparison.Ordinal)).ToDictionary(c => c.Target);
        Assert.Equal(new Call("latency", "eu-west", 1, (S(0.3), S(0.02))), calls["eu-west"]);
        Assert.Equal(new Call("partition", "eu->us:postgres", 1, PartitionDirection.OneWay), calls["eu->us:postgres"]);
        Assert.Equal(new Call("timeout", "eu-us", 1, (TimeSpan?)S(5)), calls["eu-us"]);
        Assert.Equal(FaultOutcome.Failed, records[3].Outcome);
        Assert.Contains("needs a delay", records[3].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timeline_runs_once()
    {
        var timeline = Timeline();
        Assert.Empty(await Run(timeline).WaitAsync(Guard));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Run(timeline));
    }

    [Fact]
    public async Task A_region_failover_is_an_instant_cluster_action_of_its_own()
    {
        var cluster = new RecordingCluster();
        var timeline = new FaultTimeline(
            [new FaultSpec(S(2), FaultType.RegionFailover, "us")],
            new FaultTimelineOptions { ClusterFaults = cluster, Time = _clock.Time });
        var run = timeline.RunAsync(_clock.Origin, _events);
        await _clock.AdvanceToAsync(4);
        var record = Assert.Single(await run.WaitAsync(Guard));

        Assert.Equal(["failover:us"], cluster.Targets);
        Assert.Equal((FaultOutcome.Applied, 2.0, 2.0, "promoted us"), (record.Outcome, record.StartedAtSeconds!.Value, record.EndedAtSeconds!.Value, record.Message));
        Assert.Equal("region-failover", FaultType.RegionFailover.ToName());
        Assert.True(FaultType.RegionFailover.IsClusterFault());
    }

    private sealed class RecordingCluster : IClusterFaults
    {
        public List<string> Targets { get; } = [];

        public Task<string> SwitchoverAsync(string target, CancellationToken cancellationToken = default)
        {
            Targets.Add(target);
            return Task.FromResult($"switched to {target}");
        }

        public Task<string> RegionFailoverAsync(string region, CancellationToken cancellationToken = default)
        {
            Targets.Add("failover:" + region);
            return Task.FromResult($"promoted {region}");
        }
    }
}
