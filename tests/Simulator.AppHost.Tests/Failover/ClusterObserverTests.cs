using Microsoft.Extensions.Time.Testing;
using Simulator.AppHost.Failover;
using Simulator.Load.Failover;

namespace Simulator.AppHost.Tests.Failover;

public sealed class ClusterObserverTests
{
    /// <summary>A cluster whose leader dies at 1 s, whose key expires at 2 s and whose replica is promoted at 2.3 s.</summary>
    private sealed class ScriptedProbe(FakeTimeProvider time, DateTimeOffset start) : IClusterProbe
    {
        public int Calls { get; private set; }

        public Task<ClusterObservation> ProbeAsync(DateTimeOffset at, CancellationToken cancellationToken)
        {
            Calls++;
            var t = (time.GetUtcNow() - start).TotalSeconds;
            NodeObservation eu = t < 1 ? new("eu", true, "primary", true, 1) : NodeObservation.Unreachable("eu");
            NodeObservation us = t < 2.3 ? new("us", true, "replica", true, 1) : new("us", true, "primary", true, 2);
            var leader = t < 2 ? "eu" : t < 2.2 ? null : "us";
            return Task.FromResult(new ClusterObservation(at, true, leader, [eu, us]));
        }
    }

    [Fact]
    public async Task Polls_ten_times_a_second_on_the_injected_clock_and_derives_the_events_on_the_run_clock()
    {
        var time = new FakeTimeProvider();
        var start = time.GetUtcNow();
        var probe = new ScriptedProbe(time, start);
        var observer = new ClusterObserver(probe, time);
        using var stop = new CancellationTokenSource();

        var running = await FakeClock.StartAsync(() => observer.RunAsync(stop.Token));
        await time.AdvanceAsync(TimeSpan.FromSeconds(3));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(probe.Calls, 30, 31);
        var at = observer.Observations.Select(o => (o.At - start).TotalSeconds).ToList();
        Assert.All(at.Zip(at.Skip(1)), pair => Assert.Equal(0.1, pair.Second - pair.First, 3));
        Assert.Equal(
        [
            new FailoverEvent(FailoverEventKind.LeaderUnreachable, "eu", 1.0),
            new FailoverEvent(FailoverEventKind.LeaderLost, "eu", 2.0),
            new FailoverEvent(FailoverEventKind.LeaderElected, "us", 2.2),
            new FailoverEvent(FailoverEventKind.LeaderPromoted, "us", 2.3),
        ],
        observer.Events(start.AddSeconds(0.5)).Select(e => e with { AtSeconds = Math.Round(e.AtSeconds + 0.5, 3) }));
    }

    [Fact]
    public async Task A_slow_poll_delays_the_next_one_instead_of_piling_polls_up()
    {
        var time = new FakeTimeProvider();
        var slow = new SlowProbe(time, TimeSpan.FromMilliseconds(250));
        var observer = new ClusterObserver(slow, time);
        using var stop = new CancellationTokenSource();

        var running = await FakeClock.StartAsync(() => observer.RunAsync(stop.Token));
        await time.AdvanceAsync(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(observer.Observations.Count, 4, 5);
        Assert.Equal(1, slow.MaxConcurrent);
    }

    private sealed class SlowProbe(FakeTimeProvider time, TimeSpan takes) : IClusterProbe
    {
        private int _running;

        public int MaxConcurrent { get; private set; }

        public async Task<ClusterObservation> ProbeAsync(DateTimeOffset at, CancellationToken cancellationToken)
        {
            MaxConcurrent = Math.Max(MaxConcurrent, Interlocked.Increment(ref _running));
            try
            {
                await Task.Delay(takes, time, cancellationToken);
                return new ClusterObservation(at, false, null, []);
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }
    }
}
