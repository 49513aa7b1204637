using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Scheduling;

public class SystemClockTests
{
    [Fact]
    public async Task On_the_real_clock_every_scheduled_arrival_is_accounted_for()
    {
        // Real timers: nothing here depends on how late they fire (the allowed lag is generous); the schedule
        // itself fixes which arrivals exist: 50/s for 0.5 s is arrivals 0..24 at i * 20 ms.
        var workload = DelegateWorkload.Instant();
        var plan = new LoadPlan(TimeSpan.FromMilliseconds(500), [new WorkloadPlan("w", "eu", new ConstantRate(50)) { MaxStartLag = TimeSpan.FromSeconds(30) }]);

        var result = await LoadRun.RunAsync(plan, [workload], TimeProvider.System, CancellationToken.None).Guarded();

        var w = result.Workloads[0];
        Assert.Equal((25L, 25L, 0L), (w.Started, w.Ok, w.Dropped));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => TimeSpan.FromMilliseconds(20 * i)), workload.Sorted().Select(c => c.IntendedStart));
        Assert.All(workload.Contexts, c => Assert.True(c.ActualStart >= c.IntendedStart));
        Assert.Equal(0.5, result.DurationSeconds);
    }
}
