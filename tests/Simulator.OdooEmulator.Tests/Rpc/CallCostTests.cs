using Microsoft.Extensions.Time.Testing;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Tests.Rpc;

public sealed class CallCostTests
{
    [Fact]
    public async Task Cost_is_awaited_on_the_injected_clock_once()
    {
        var clock = new FakeTimeProvider();
        var cost = new CallCost(TimeSpan.FromMilliseconds(250), clock);

        var first = cost.SpendAsync(CancellationToken.None);
        Assert.False(first.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(249));
        Assert.False(first.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await first;

        Assert.True(cost.IsSpent);
        Assert.True(cost.SpendAsync(CancellationToken.None).IsCompleted);
    }

    [Fact]
    public void Zero_cost_completes_immediately()
    {
        var cost = new CallCost(TimeSpan.Zero, new FakeTimeProvider());

        Assert.True(cost.SpendAsync(CancellationToken.None).IsCompleted);
    }
}
