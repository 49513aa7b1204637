using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Scheduling;

namespace Simulator.Load.Tests.Support;

/// <summary>Runs plans on a fake clock: start, advance the clock, collect the result.</summary>
internal static class FakeRun
{
    // Only a guard against a hung test; nothing asserts on real time.
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    public static LoadPlan Plan(LoadModel model, TimeSpan duration, int maxInFlight = 100, TimeSpan? maxStartLag = null, TimeSpan? grace = null)
        => new(duration, [new WorkloadPlan("w", "eu", model)
        {
            MaxInFlight = maxInFlight,
            MaxStartLag = maxStartLag ?? WorkloadPlan.DefaultMaxStartLag,
        }])
        {
            GracePeriod = grace ?? TimeSpan.FromSeconds(5),
            Seed = 7,
        };

    public static async Task<LoadRunResult> RunAsync(
        FakeTimeProvider time, LoadPlan plan, IWorkload workload, TimeSpan advance, LoadRunOptions? options = null)
    {
        var run = LoadRun.RunAsync(plan, [workload], options ?? new LoadRunOptions(), time, CancellationToken.None);
        await time.AdvanceAsync(advance);
        return await run.WaitAsync(Guard);
    }

    /// <summary>
    /// Advances the fake clock one millisecond at a time (FakeTimeProvider sets the target time first and then fires
    /// every timer due by it, so one big step would wake everything at the end; timers have millisecond resolution).
    /// It runs on a thread without a synchronization context: timer callbacks, and the continuations inline behind
    /// them, then run there as they do on real timer threads instead of being posted to xunit's context.
    /// </summary>
    public static Task AdvanceAsync(this FakeTimeProvider time, TimeSpan by) => Task.Run(() =>
    {
        var step = TimeSpan.FromMilliseconds(1);
        var left = by;
        for (; left >= step; left -= step)
        {
            time.Advance(step);
        }

        if (left > TimeSpan.Zero)
        {
            time.Advance(left);
        }
    });

    public static Task<T> Guarded<T>(this Task<T> task) => task.WaitAsync(Guard);

    public static Task Guarded(this Task task) => task.WaitAsync(Guard);
}
