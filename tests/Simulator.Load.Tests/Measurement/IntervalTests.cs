using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Measurement;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Measurement;

public class IntervalTests
{
    [Fact]
    public async Task Each_second_gets_a_snapshot_of_counts_and_percentiles()
    {
        var time = new FakeTimeProvider();
        // 10/s for 3 s; iterations take 20 ms in second 0, fail after 30 ms in second 1, take 40 ms in second 2.
        var workload = new DelegateWorkload(async (context, ct) =>
        {
            int second = (int)context.IntendedStart.TotalSeconds;
            await Task.Delay(TimeSpan.FromMilliseconds(20 + (10 * second)), time, ct);
            if (second == 1)
            {
                throw new WorkloadException("down", false, "down");
            }
        });
        var progress = new List<IntervalProgress>();

        var result = await FakeRun.RunAsync(
            time,
            FakeRun.Plan(new ConstantRate(10), TimeSpan.FromSeconds(3)),
            workload,
            TimeSpan.FromSeconds(4),
            new LoadRunOptions { Progress = new SyncProgress<IntervalProgress>(progress.Add) });

        var intervals = result.Workloads[0].Intervals;
        // The iteration due at 2.9 s ends at 2.94 s, inside second 2: three full seconds, no partial fourth.
        Assert.Equal([0, 1, 2], intervals.Select(i => i.Second));
        Assert.Equal(new IntervalSnapshot(0, 10, 10, 0, 0, 0, intervals[0].P50Ms, intervals[0].P99Ms) { Started = 10, Arrivals = 10 }, intervals[0]);
        Assert.InRange(intervals[0].P50Ms!.Value, 19.9, 20.1);
        Assert.Equal(new IntervalSnapshot(1, 10, 0, 10, 0, 0, null, null) { Started = 10, Arrivals = 10 }, intervals[1]);
        Assert.InRange(intervals[2].P99Ms!.Value, 39.9, 40.1);
        Assert.Equal(intervals, progress.Select(p => p.Interval));
        Assert.All(progress, p => Assert.Equal(("w", "eu"), (p.Workload, p.Region)));
    }

    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
