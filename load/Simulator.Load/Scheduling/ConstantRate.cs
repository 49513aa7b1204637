namespace Simulator.Load.Scheduling;

/// <summary>
/// A constant arrival rate: iteration <c>i</c> is due at <c>i / PerSecond</c> seconds from the start.
/// Rates below one per second work (0.5/s starts an iteration every 2 s); a rate of zero never starts one.
/// </summary>
/// <param name="PerSecond">Arrivals per second; finite and not negative.</param>
public sealed record ConstantRate(double PerSecond) : OpenLoadModel
{
    /// <inheritdoc />
    public override TimeSpan? ArrivalOffset(long iteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        return PerSecond > 0 ? FromSeconds(iteration / PerSecond) : null;
    }

    /// <inheritdoc />
    public override double ExpectedArrivals(TimeSpan window) => Math.Max(0, window.TotalSeconds) * PerSecond;

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
        => double.IsFinite(PerSecond) && PerSecond >= 0
            ? []
            : [$"rate must be a finite number of arrivals per second, not negative (was {PerSecond})"];

    /// <inheritdoc />
    public override string Describe() => $"constant-rate {Format(PerSecond)}/s";
}
