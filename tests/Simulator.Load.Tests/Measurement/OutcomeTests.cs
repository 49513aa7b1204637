using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Measurement;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Measurement;

public class OutcomeTests
{
    [Fact]
    public async Task Outcomes_and_error_kinds_are_counted_per_workload_and_operation()
    {
        var time = new FakeTimeProvider();
        var workload = new DelegateWorkload(async (context, ct) =>
        {
            await context.TimeAsync("step", _ => Task.CompletedTask, ct);
            switch (context.Iteration % 4)
            {
                case 1:
                    throw new WorkloadException("validation", outcomeUnknown: false, "refused");
                case 2:
                    await context.TimeAsync("write", _ => Task.FromException(new WorkloadException("timeout", outcomeUnknown: true, "no answer")), ct);
                    break;
                case 3:
                    throw new InvalidOperationException("bug");
            }
        });

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantRate(4), TimeSpan.FromSeconds(2)), workload, TimeSpan.FromSeconds(3));

        var w = result.Workloads[0];
        Assert.Equal(8, w.Started);
        Assert.Equal(2, w.Ok);
        Assert.Equal(4, w.Failed);
        Assert.Equal(2, w.Unknown);
        Assert.Equal(new Dictionary<string, long> { ["InvalidOperationException"] = 2, ["timeout"] = 2, ["validation"] = 2 }, w.ErrorKinds);
        var write = w.Operations.Single(o => o.Name == "write");
        Assert.Equal((0, 0, 2), (write.Ok, write.Failed, write.Unknown));
        Assert.Null(write.Latency);
        Assert.Equal(8, w.Operations.Single(o => o.Name == "step").Ok);
        Assert.Equal(2, result.Unknown);
    }

    [Fact]
    public async Task Latency_is_not_measured_when_no_iteration_completed_ok()
    {
        var time = new FakeTimeProvider();
        var workload = new DelegateWorkload((_, _) => throw new WorkloadException("down", false, "down"));

        var result = await FakeRun.RunAsync(time, FakeRun.Plan(new ConstantRate(2), TimeSpan.FromSeconds(1)), workload, TimeSpan.FromSeconds(2));

        Assert.Equal(2, result.Workloads[0].Failed);
        Assert.Null(result.Workloads[0].Latency);
        Assert.Null(result.Workloads[0].LatencyUncorrected);
    }

    [Fact]
    public async Task Acknowledged_writes_go_to_the_ledger_with_run_relative_times()
    {
        var time = new FakeTimeProvider();
        var ledger = new MemoryLedger();
        var workload = new DelegateWorkload(async (context, ct) =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(30), time, ct);
            context.Acknowledge($"S{context.Iteration:00000}");
        });

        var result = await FakeRun.RunAsync(
            time, FakeRun.Plan(new ConstantRate(2), TimeSpan.FromSeconds(1)), workload, TimeSpan.FromSeconds(2), new LoadRunOptions { Ledger = ledger });

        Assert.Equal(
            [new Load.Ledger.LedgerEntry("S00000", "eu", "w", 0.03), new Load.Ledger.LedgerEntry("S00001", "eu", "w", 0.53)],
            ledger.Entries.Select(e => e with { Time = Math.Round(e.Time, 6) }));
        Assert.Equal(2, result.Acknowledged);
    }

    [Fact]
    public async Task Every_iteration_outcome_reaches_the_outcome_sink_with_its_send_and_end_times()
    {
        var time = new FakeTimeProvider();
        var outcomes = new OutcomeRecorder();
        var workload = new DelegateWorkload(async (context, ct) =>
        {
            await context.TimeAsync("write", _ => Task.Delay(TimeSpan.FromMilliseconds(40), time, ct), ct);
            if (context.Iteration == 1)
            {
                throw new WorkloadException("refused", outcomeUnknown: false, "refused");
            }
        });

        await FakeRun.RunAsync(
            time, FakeRun.Plan(new ConstantRate(2), TimeSpan.FromSeconds(1)), workload, TimeSpan.FromSeconds(2), new LoadRunOptions { Outcomes = outcomes });

        Assert.Equal(
        [
            new IterationOutcome("w", "eu", 0, 0.04, Outcome.Ok, null),
            new IterationOutcome("w", "eu", 0.5, 0.54, Outcome.Failed, "refused"),
        ],
        outcomes.Snapshot().Select(o => o with { SentAtSeconds = Math.Round(o.SentAtSeconds, 3), EndedAtSeconds = Math.Round(o.EndedAtSeconds, 3) }));
    }

    [Fact]
    public async Task The_same_seed_draws_the_same_values_per_iteration()
    {
        static async Task<List<int>> DrawsAsync(int seed)
        {
            var time = new FakeTimeProvider();
            var draws = new System.Collections.Concurrent.ConcurrentDictionary<long, int>();
            var workload = new DelegateWorkload((context, _) =>
            {
                draws[context.Iteration] = context.Random.Next(1_000_000);
                return Task.CompletedTask;
            });
            var plan = FakeRun.Plan(new ConstantRate(10), TimeSpan.FromSeconds(1)) with { Seed = seed };
            await FakeRun.RunAsync(time, plan, workload, TimeSpan.FromSeconds(2));
            return [.. draws.OrderBy(p => p.Key).Select(p => p.Value)];
        }

        var first = await DrawsAsync(42);
        var again = await DrawsAsync(42);
        var other = await DrawsAsync(43);

        Assert.Equal(10, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.True(first.Distinct().Count() > 5);
    }
}
