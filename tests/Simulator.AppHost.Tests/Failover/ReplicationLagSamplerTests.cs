using Microsoft.Extensions.Time.Testing;
using Simulator.AppHost.Failover;
using Simulator.Load.Failover;

namespace Simulator.AppHost.Tests.Failover;

public sealed class ReplicationLagSamplerTests
{
    private sealed class CountingSource : IReplicationLagSource
    {
        private long _reads;

        public Task<IReadOnlyList<ReplicationLagSample>> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
        {
            var n = Interlocked.Increment(ref _reads);
            return Task.FromResult<IReadOnlyList<ReplicationLagSample>>([new ReplicationLagSample(at, "us", n * 100, n * 0.01)]);
        }
    }

    [Fact]
    public async Task Reads_once_a_second_and_gives_one_series_per_replica()
    {
        var time = new FakeTimeProvider();
        var origin = time.GetUtcNow();
        var sampler = new ReplicationLagSampler(new CountingSource(), time);
        using var stop = new CancellationTokenSource();

        var running = await FakeClock.StartAsync(() => sampler.RunAsync(stop.Token));
        await time.AdvanceAsync(TimeSpan.FromMilliseconds(3500));
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));

        var us = Assert.Single(sampler.Series(origin));
        Assert.Equal([0, 1, 2, 3], us.Second);
        Assert.Equal([100L, 200L, 300L, 400L], us.Bytes);
        Assert.Equal([0.01, 0.02, 0.03, 0.04], us.Seconds);
    }
}
