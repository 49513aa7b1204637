using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Database;

namespace Simulator.OdooEmulator.Tests.Database;

public sealed class RetryBackoffTests
{
    [Fact]
    public void Waits_are_uniform_below_base_times_two_to_the_try()
    {
        var backoff = new RetryBackoff(new RetryOptions { BaseDelayMs = 1000, RandomSeed = 42 });

        for (var tryNumber = 1; tryNumber <= 4; tryNumber++)
        {
            var waits = Enumerable.Range(0, 200).Select(_ => backoff.DelayAfter(tryNumber).TotalMilliseconds).ToList();
            Assert.All(waits, w => Assert.InRange(w, 0, 1000 * Math.Pow(2, tryNumber)));
            // Spread over the range, not clustered: Odoo's jitter is what separates colliding calls.
            Assert.True(waits.Max() - waits.Min() > 1000 * Math.Pow(2, tryNumber) / 2);
        }
    }

    [Fact]
    public void A_seed_makes_the_waits_reproducible()
    {
        var a = new RetryBackoff(new RetryOptions { RandomSeed = 7 });
        var b = new RetryBackoff(new RetryOptions { RandomSeed = 7 });

        Assert.Equal(Enumerable.Range(1, 5).Select(a.DelayAfter), Enumerable.Range(1, 5).Select(b.DelayAfter));
        Assert.Equal(5, a.MaxTries);
    }
}
