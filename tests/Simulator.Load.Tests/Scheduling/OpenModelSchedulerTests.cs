using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Scheduling;

public class OpenModelSchedulerTests
{
    private static readonly TimeSpan Ms100 = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task Iterations_start_at_absolute_offsets_not_after_the_previous_one()
    {
        var time = new FakeTimeProvider();
        var startedAt = new List<TimeSpan>();
        var origin = time.GetUtcNow();
        // Each iteration takes 250 ms, longer than the 100 ms between arrivals: sleeping after the previous one
        // would drift, absolute offsets do not.
        var workload = new DelegateWorkload((_, ct) =>
        {
            startedAt.Add(time.GetUtcNow() - origin);
            return Task.Delay(TimeSpan.FromMilliseconds(250), time, ct);
        });

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantRate(10), TimeSpan.FromSeconds(1)), workload, TimeSpan.FromSeconds(2));

        var expected = Enumerable.Range(0, 10).Select(i => TimeSpan.FromMilliseconds(100 * i)).ToList();
        Assert.Equal(expected, startedAt);
        Assert.Equal(expected, workload.Sorted().Select(c => c.IntendedStart));
        Assert.Equal(expected, workload.Sorted().Select(c => c.ActualStart));
        var w = Assert.Single(result.Workloads);
        Assert.Equal(10, w.Started);
        Assert.Equal(10, w.Ok);
        Assert.Equal(0, w.Dropped);
        Assert.Equal(10, w.TargetRate);
        Assert.Equal(10, w.AchievedRate);
    }

    [Fact]
    public async Task The_clock_origin_is_handed_out_once_before_the_first_arrival_and_offsets_count_from_it()
    {
        var time = new FakeTimeProvider();
        var origins = new List<long>();
        var workload = new DelegateWorkload((context, _) =>
        {
            // What runs beside the load (the fault timeline) measures from the same origin.
            Assert.Equal(context.IntendedStart, time.GetElapsedTime(Assert.Single(origins)));
            return Task.CompletedTask;
        });
        time.Advance(TimeSpan.FromSeconds(3));

        var result = await FakeRun.RunAsync(
            time, FakeRun.Plan(new ConstantRate(4), TimeSpan.FromSeconds(1)), workload, TimeSpan.FromSeconds(2),
            new LoadRunOptions { ClockStarted = origins.Add });

        Assert.Equal(time.GetTimestamp() - (long)(2 * time.TimestampFrequency), Assert.Single(origins));
        Assert.Equal(4, Assert.Single(result.Workloads).Ok);
    }

    [Theory]
    [InlineData(0.5, 10, new[] { 0.0, 2, 4, 6, 8 })]
    [InlineData(0.25, 10, new[] { 0.0, 4, 8 })]
    public async Task Rates_below_one_per_second_work(double rate, int seconds, double[] expectedSeconds)
    {
        var time = new FakeTimeProvider();
        var workload = DelegateWorkload.Instant();

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantRate(rate), TimeSpan.FromSeconds(seconds)), workload, TimeSpan.FromSeconds(seconds + 1));

        Assert.Equal(expectedSeconds, workload.Sorted().Select(c => c.ActualStart.TotalSeconds));
        Assert.Equal(expectedSeconds.Length, result.Workloads[0].Ok);
        Assert.Equal(rate, result.Workloads[0].TargetRate);
    }

    [Fact]
    public async Task An_arrival_that_finds_every_virtual_user_busy_is_dropped_not_delayed()
    {
        var time = new FakeTimeProvider();
        // 2 virtual users, 10/s, 250 ms each: the arrivals at 200, 500 and 800 ms find both busy.
        var workload = DelegateWorkload.Taking(time, TimeSpan.FromMilliseconds(250));

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantRate(10), TimeSpan.FromSeconds(1), maxInFlight: 2), workload, TimeSpan.FromSeconds(2));

        Assert.Equal([0L, 1, 3, 4, 6, 7, 9], workload.Sorted().Select(c => c.Iteration));
        Assert.All(workload.Contexts, c => Assert.Equal(c.IntendedStart, c.ActualStart));
        var w = result.Workloads[0];
        Assert.Equal(7, w.Started);
        Assert.Equal(3, w.Dropped);
        Assert.Equal(3, w.DroppedNoFreeVirtualUser);
        Assert.Equal(0, w.DroppedLateStart);
        Assert.Equal(7, w.Ok);
        Assert.Equal(7, w.AchievedRate);
    }

    [Fact]
    public async Task An_arrival_reached_later_than_the_allowed_lag_is_dropped()
    {
        var time = new FakeTimeProvider();
        // Iteration 0 holds the scheduling loop for 500 ms before its first await (a synchronous stall).
        var workload = new DelegateWorkload((context, _) =>
        {
            if (context.Iteration == 0)
            {
                time.Advance(TimeSpan.FromMilliseconds(500));
            }

            return Task.CompletedTask;
        });

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantRate(10), TimeSpan.FromSeconds(1), maxStartLag: Ms100), workload, TimeSpan.FromSeconds(2));

        // Arrivals at 100, 200, 300 ms are reached at 500 ms: 400, 300, 200 ms late, dropped. 400 ms is 100 ms late: allowed.
        Assert.Equal([0L, 4, 5, 6, 7, 8, 9], workload.Sorted().Select(c => c.Iteration));
        var late = workload.Sorted().Single(c => c.Iteration == 4);
        Assert.Equal(TimeSpan.FromMilliseconds(400), late.IntendedStart);
        Assert.Equal(TimeSpan.FromMilliseconds(500), late.ActualStart);
        var w = result.Workloads[0];
        Assert.Equal(3, w.DroppedLateStart);
        Assert.Equal(0, w.DroppedNoFreeVirtualUser);
        Assert.Equal(7, w.Ok);
    }

    [Fact]
    public async Task The_run_stops_by_itself_at_the_duration()
    {
        var time = new FakeTimeProvider();
        var workload = DelegateWorkload.Instant();
        var plan = FakeRun.Plan(new ConstantRate(10), TimeSpan.FromSeconds(2));

        var run = LoadRun.RunAsync(plan, [workload], time, CancellationToken.None);
        await time.AdvanceAsync(TimeSpan.FromMilliseconds(1999));
        Assert.False(run.IsCompleted);
        await time.AdvanceAsync(TimeSpan.FromMilliseconds(1));
        var result = await run.Guarded();

        Assert.Equal(20, result.Workloads[0].Started);
        Assert.Equal(2, result.DurationSeconds);
        Assert.False(result.Cancelled);
        await time.AdvanceAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(20, workload.Contexts.Count);
    }

    [Fact]
    public async Task Iterations_still_running_after_the_grace_period_are_abandoned_as_unknown()
    {
        var time = new FakeTimeProvider();
        // 1/s for 3 s, 5 s each, 2.5 s of grace: iteration 0 ends at 5 s; 1 and 2 would end at 6 and 7 s.
        var workload = DelegateWorkload.Taking(time, TimeSpan.FromSeconds(5));
        var plan = FakeRun.Plan(new ConstantRate(1), TimeSpan.FromSeconds(3), grace: TimeSpan.FromSeconds(2.5));

        var run = LoadRun.RunAsync(plan, [workload], time, CancellationToken.None);
        await time.AdvanceAsync(TimeSpan.FromSeconds(5.4));
        Assert.False(run.IsCompleted);
        await time.AdvanceAsync(TimeSpan.FromSeconds(0.1));
        var result = await run.Guarded();

        var w = result.Workloads[0];
        Assert.Equal(3, w.Started);
        Assert.Equal(1, w.Ok);
        Assert.Equal(2, w.Unknown);
        Assert.Equal(2, w.ErrorKinds["abandoned"]);
        Assert.Equal(3, result.DurationSeconds);
    }

    [Fact]
    public async Task Cancellation_stops_scheduling_and_returns_what_was_measured()
    {
        var time = new FakeTimeProvider();
        var workload = DelegateWorkload.Instant();
        using var cts = new CancellationTokenSource();
        var plan = FakeRun.Plan(new ConstantRate(10), TimeSpan.FromSeconds(60));

        var run = LoadRun.RunAsync(plan, [workload], new LoadRunOptions(), time, cts.Token);
        await time.AdvanceAsync(TimeSpan.FromMilliseconds(1050));
        await cts.CancelAsync();
        var result = await run.Guarded();

        Assert.True(result.Cancelled);
        Assert.Equal(1.05, result.DurationSeconds);
        Assert.Equal(11, result.Workloads[0].Ok);
        Assert.Equal(10, result.Workloads[0].TargetRate);
    }

    [Fact]
    public async Task Ramping_rate_drives_the_scheduler()
    {
        var time = new FakeTimeProvider();
        var workload = DelegateWorkload.Instant();
        var plan = FakeRun.Plan(new RampingRate(0, [new RateStage(10, TimeSpan.FromSeconds(10))]), TimeSpan.FromSeconds(10));

        var result = await FakeRun.RunAsync(time, plan, workload, TimeSpan.FromSeconds(11));

        // Arrivals 0..49 fall before 10 s (arrival 50 is due exactly at 10 s, the end).
        Assert.Equal(50, result.Workloads[0].Ok);
        Assert.Equal(5, result.Workloads[0].TargetRate);
        Assert.Equal(0, result.Workloads[0].Dropped);
    }

    [Fact]
    public async Task An_invalid_plan_is_rejected_with_every_problem()
    {
        var plan = new LoadPlan(TimeSpan.Zero, [new WorkloadPlan("", "eu", new ConstantRate(-1)) { MaxInFlight = 0 }]);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => LoadRun.RunAsync(plan, [DelegateWorkload.Instant()], TimeProvider.System, CancellationToken.None));

        Assert.Contains("duration must be positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("name is required", error.Message, StringComparison.Ordinal);
        Assert.Contains("max in-flight", error.Message, StringComparison.Ordinal);
        Assert.Contains("rate must be", error.Message, StringComparison.Ordinal);
    }
}
