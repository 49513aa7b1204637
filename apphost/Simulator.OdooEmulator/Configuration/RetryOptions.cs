namespace Simulator.OdooEmulator.Configuration;

/// <summary>
/// Retry of a call's transaction after a serialization failure, deadlock or lock timeout.
/// The defaults are Odoo's: 5 tries, waiting uniform(0, 2^try) seconds between them.
/// </summary>
internal sealed record RetryOptions
{
    /// <summary>Total tries of one call, the first included.</summary>
    public int MaxTries { get; init; } = 5;

    /// <summary>The wait before try n+1 is uniform(0, BaseDelayMs * 2^n) milliseconds.</summary>
    public int BaseDelayMs { get; init; } = 1000;

    /// <summary>Seed of the back-off jitter; unset means a shared, unseeded source.</summary>
    public int? RandomSeed { get; init; }
}
