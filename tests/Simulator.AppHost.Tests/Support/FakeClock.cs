using Microsoft.Extensions.Time.Testing;

namespace Simulator.AppHost.Tests;

/// <summary>Drives loops on a <see cref="FakeTimeProvider"/> deterministically (as the load tests' FakeRun does).</summary>
public static class FakeClock
{
    /// <summary>
    /// Starts a loop on a thread without a synchronization context (so its continuations run inline behind the fake
    /// timers) and returns once it has reached its first wait, so no clock step can come before its first timer.
    /// </summary>
    public static async Task<Task> StartAsync(Func<Task> loop)
    {
        var running = Task.CompletedTask;
        await Task.Run(() => { running = loop(); });
        return running;
    }

    /// <summary>Advances 1 ms at a time from a thread without a synchronization context.</summary>
    public static Task AdvanceAsync(this FakeTimeProvider time, TimeSpan by) => Task.Run(() =>
    {
        for (var left = by; left > TimeSpan.Zero; left -= TimeSpan.FromMilliseconds(1))
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
    });
}
