using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Scheduling;

public class ClosedModelTests
{
    private static readonly TimeSpan Ms100 = TimeSpan.FromMilliseconds(100);

    private static List<TimeSpan> Range(int count, int everyMs, int fromMs = 0)
        => [.. Enumerable.Range(0, count).Select(i => TimeSpan.FromMilliseconds(fromMs + (i * everyMs)))];

    [Fact]
    public async Task Constant_concurrency_keeps_each_user_looping_back_to_back_without_drops()
    {
        var time = new FakeTimeProvider();
        var workload = DelegateWorkload.Taking(time, Ms100);

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantConcurrency(3), TimeSpan.FromSeconds(1)), workload, TimeSpan.FromSeconds(2));

        // Three users, each starting its next iteration the moment the previous one ends: 0, 100, …, 900 ms.
        var starts = workload.Contexts.Select(c => c.ActualStart).Order().ToList();
        Assert.Equal(Range(10, 100).SelectMany(t => new[] { t, t, t }), starts);
        Assert.All(workload.Contexts, c => Assert.Equal(c.IntendedStart, c.ActualStart));
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), workload.Contexts.Select(c => c.Iteration).Order());
        var w = result.Workloads[0];
        Assert.Equal((30L, 30L, 0L), (w.Started, w.Ok, w.Dropped));
        Assert.Null(w.TargetRate);
        Assert.Equal(30, w.AchievedRate);
        Assert.Equal(0, w.Arrivals);
        Assert.Null(w.StartLateness);
        Assert.Equal("constant-concurrency 3 users", w.Model);
    }

    [Fact]
    public async Task Think_time_spaces_a_users_iterations_and_is_not_part_of_the_latency()
    {
        var time = new FakeTimeProvider();
        var workload = DelegateWorkload.Taking(time, Ms100);
        var model = new ConstantConcurrency(1) { ThinkTime = TimeSpan.FromMilliseconds(400) };

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(model, TimeSpan.FromSeconds(2)), workload, TimeSpan.FromSeconds(3));

        // 100 ms of work then 400 ms of thinking: iterations start every 500 ms.
        Assert.Equal(Range(4, 500), workload.Sorted().Select(c => c.ActualStart));
        Assert.Equal(Range(4, 500), workload.Sorted().Select(c => c.IntendedStart));
        var w = result.Workloads[0];
        Assert.Equal(4, w.Ok);
        Assert.InRange(w.Latency!.Max, 99.9, 100.1);
        Assert.InRange(w.LatencyUncorrected!.Max, 99.9, 100.1);
        Assert.Equal("constant-concurrency 1 users, think 400ms", w.Model);
    }

    [Fact]
    public async Task A_stall_in_a_closed_model_shows_the_same_from_the_intended_start_as_from_the_send()
    {
        var time = new FakeTimeProvider();
        // One user; iteration 0 stalls 1 s, the rest take 10 ms. In a closed model nobody queues behind the stall:
        // the user simply starts later, so corrected and uncorrected latency agree (no coordinated omission to correct).
        var workload = new DelegateWorkload((context, ct) =>
            context.TimeAsync("call", token => Task.Delay(context.Iteration == 0 ? TimeSpan.FromSeconds(1) : TimeSpan.FromMilliseconds(10), time, token), ct));

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantConcurrency(1), TimeSpan.FromSeconds(2)), workload, TimeSpan.FromSeconds(3));

        var w = result.Workloads[0];
        Assert.Equal(101, w.Ok);
        Assert.Equal(0, w.Dropped);
        Assert.Equal(w.Latency, w.LatencyUncorrected);
        Assert.InRange(w.Latency!.Max, 999, 1001);
        Assert.InRange(w.Latency.P99, 9.9, 10.1);
        Assert.Equal(w.Operations[0].Latency, w.Operations[0].LatencyUncorrected);
    }

    [Fact]
    public async Task Ramping_concurrency_adds_users_as_the_line_rises_and_retires_them_as_it_falls()
    {
        var time = new FakeTimeProvider();
        var workload = DelegateWorkload.Taking(time, TimeSpan.FromMilliseconds(250));
        var model = new RampingConcurrency(0, [new ConcurrencyStage(4, TimeSpan.FromSeconds(4)), new ConcurrencyStage(0, TimeSpan.FromSeconds(4))]);

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(model, TimeSpan.FromSeconds(8)), workload, TimeSpan.FromSeconds(9));

        // User k joins at k + 1 s (the line reaches k + 1) and leaves at 8 - k s (the line falls to k).
        int[] perUser = [28, 20, 12, 4];
        Assert.Equal(perUser.Sum(), result.Workloads[0].Ok);
        var firstStarts = workload.Contexts.GroupBy(c => c.ActualStart).OrderBy(g => g.Key).ToList();
        Assert.Equal(TimeSpan.FromSeconds(1), firstStarts[0].Key);
        Assert.Equal(4, workload.Contexts.Count(c => c.ActualStart >= TimeSpan.FromSeconds(4) && c.ActualStart < TimeSpan.FromSeconds(4.25)));
        Assert.Equal(4, workload.Contexts.Count(c => c.ActualStart >= TimeSpan.FromSeconds(7))); // only user 0 is left
        Assert.Equal(TimeSpan.FromSeconds(7.75), workload.Contexts.Max(c => c.ActualStart));
        Assert.Equal(0, result.Workloads[0].Dropped);
    }

    [Fact]
    public void Ramping_concurrency_spans_and_counts_agree()
    {
        var model = new RampingConcurrency(2, [new ConcurrencyStage(6, TimeSpan.FromSeconds(4)), new ConcurrencyStage(6, TimeSpan.FromSeconds(2)), new ConcurrencyStage(1, TimeSpan.Zero)]);

        Assert.Equal(6, model.MaxUsers);
        Assert.Equal([new UserSpan(TimeSpan.Zero, null)], model.ActiveSpans(0));
        Assert.Equal([new UserSpan(TimeSpan.Zero, TimeSpan.FromSeconds(6))], model.ActiveSpans(1));
        Assert.Equal([new UserSpan(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(6))], model.ActiveSpans(2));
        Assert.Equal([new UserSpan(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6))], model.ActiveSpans(5));
        Assert.Empty(model.ActiveSpans(6));
        Assert.Equal([2, 2, 3, 4, 5, 5, 6, 6, 1], new[] { 0, 0.5, 1, 2, 3, 3.9, 4, 5.9, 6 }.Select(s => model.UsersAt(TimeSpan.FromSeconds(s))));

        // Every user's spans agree with the count at every 100 ms.
        for (int ms = 0; ms < 8000; ms += 100)
        {
            var at = TimeSpan.FromMilliseconds(ms);
            int active = Enumerable.Range(0, model.MaxUsers).Count(u => model.ActiveSpans(u).Any(s => s.From <= at && (s.Until is null || at < s.Until)));
            Assert.Equal(model.UsersAt(at), active);
        }
    }

    [Fact]
    public async Task Phases_run_in_sequence_open_then_pause_then_closed()
    {
        var time = new FakeTimeProvider();
        var workload = DelegateWorkload.Taking(time, Ms100);
        var model = new PhasedLoad(
        [
            new LoadPhase(new ConstantRate(10), TimeSpan.FromSeconds(1)),
            new LoadPhase(new Pause(), TimeSpan.FromSeconds(1)),
            new LoadPhase(new ConstantConcurrency(2), TimeSpan.FromSeconds(1)),
        ]);

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(model, TimeSpan.FromSeconds(3)), workload, TimeSpan.FromSeconds(4));

        var starts = workload.Sorted().Select(c => c.ActualStart).ToList();
        Assert.Equal([.. Range(10, 100), .. Range(10, 100, 2000).SelectMany(t => new[] { t, t })], starts);
        Assert.Equal(Enumerable.Range(0, 30).Select(i => (long)i), workload.Sorted().Select(c => c.Iteration));
        var w = result.Workloads[0];
        Assert.Equal([10L, 0, 20], w.Intervals.Take(3).Select(i => i.Started));
        Assert.Equal([10L, 0, 0], w.Intervals.Take(3).Select(i => i.Arrivals));
        Assert.Equal(30, w.Ok);
        Assert.Equal(Math.Round(10.0 / 3, 6), w.TargetRate);
        Assert.Equal(10, w.AchievedRate!.Value, 6);
        Assert.Equal(10, w.Arrivals);
        Assert.Equal("constant-rate 10/s for 1s, then pause for 1s, then constant-concurrency 2 users for 1s", w.Model);
    }

    [Fact]
    public async Task Closed_phase_users_stop_at_their_phase_end_and_their_last_iteration_finishes()
    {
        var time = new FakeTimeProvider();
        var workload = DelegateWorkload.Taking(time, TimeSpan.FromMilliseconds(300));
        var model = new PhasedLoad([new LoadPhase(new ConstantConcurrency(1), TimeSpan.FromSeconds(1)), new LoadPhase(new ConstantRate(2), TimeSpan.FromSeconds(1))]);

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(model, TimeSpan.FromSeconds(2)), workload, TimeSpan.FromSeconds(3));

        // The user starts at 0, 300, 600, 900 ms; the one at 900 ms runs on into the open phase (1.0 and 1.5 s).
        Assert.Equal([0, 300, 600, 900, 1000, 1500], workload.Sorted().Select(c => (int)c.ActualStart.TotalMilliseconds));
        Assert.Equal(6, result.Workloads[0].Ok);
        Assert.Equal(0, result.Workloads[0].Dropped);
    }

    [Fact]
    public async Task Invalid_closed_models_and_phases_are_rejected_with_every_problem()
    {
        var plan = new LoadPlan(TimeSpan.FromSeconds(10),
        [
            new WorkloadPlan("a", "eu", new ConstantConcurrency(0) { ThinkTime = TimeSpan.FromSeconds(-1) }),
            new WorkloadPlan("b", "eu", new RampingConcurrency(-1, [new ConcurrencyStage(-2, TimeSpan.FromSeconds(-1))])),
            new WorkloadPlan("c", "eu", new PhasedLoad(
            [
                new LoadPhase(new ConstantRate(1), TimeSpan.FromSeconds(8)),
                new LoadPhase(new PhasedLoad([]), TimeSpan.FromSeconds(1)),
                new LoadPhase(new ConstantConcurrency(1), TimeSpan.FromSeconds(2)),
            ])),
            new WorkloadPlan("d", "eu", new PhasedLoad([new LoadPhase(new Pause(), TimeSpan.Zero)])),
        ]);

        var error = await Assert.ThrowsAsync<ArgumentException>(
            () => LoadRun.RunAsync(plan, [.. Enumerable.Range(0, 4).Select(_ => DelegateWorkload.Instant())], TimeProvider.System, CancellationToken.None));

        foreach (string expected in new[]
        {
            "workload 1 (a@eu): concurrency must be at least 1 user (was 0)",
            "workload 1 (a@eu): think time must not be negative",
            "workload 2 (b@eu): start concurrency must not be negative",
            "workload 2 (b@eu): stage 1: target concurrency must not be negative",
            "workload 2 (b@eu): stage 1: duration must not be negative",
            "workload 3 (c@eu): phase 2: phases cannot be nested",
            "workload 3 (c@eu): the phases last 00:00:11, longer than the run's duration 00:00:10",
            "workload 4 (d@eu): phase 1: duration must be positive",
        })
        {
            Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        }
    }
}
