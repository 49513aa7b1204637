using Simulator.OdooEmulator.Configuration;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// Odoo's wait between tries of a transaction that hit a concurrency failure:
/// uniform(0, base * 2^try), so colliding calls spread out instead of colliding again.
/// </summary>
internal sealed class RetryBackoff
{
    private readonly RetryOptions _options;
    private readonly Random _random;
    private readonly Lock _gate = new();

    public RetryBackoff(RetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _random = options.RandomSeed is { } seed ? new Random(seed) : Random.Shared;
    }

    /// <summary>Total tries allowed for one call.</summary>
    public int MaxTries => _options.MaxTries;

    /// <summary>The wait after failed try number <paramref name="tryNumber"/> (1-based).</summary>
    public TimeSpan DelayAfter(int tryNumber)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tryNumber, 1);
        double fraction;
        lock (_gate)
        {
            // A seeded Random is not thread-safe; the lock keeps the sequence reproducible.
            fraction = _random.NextDouble();
        }

        var ceilingMs = _options.BaseDelayMs * Math.Pow(2, Math.Min(tryNumber, 30));
        return TimeSpan.FromMilliseconds(fraction * ceilingMs);
    }
}
