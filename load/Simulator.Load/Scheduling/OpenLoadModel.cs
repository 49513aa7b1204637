namespace Simulator.Load.Scheduling;

/// <summary>
/// An open workload model: iteration <c>i</c> is due at a fixed offset from the run's start, computed from the
/// rate profile alone, never from when earlier iterations finished. An iteration that cannot start on time is
/// dropped by the scheduler, not delayed.
/// </summary>
public abstract record OpenLoadModel : LoadModel
{
    /// <summary>
    /// The absolute offset from the run's start at which iteration <paramref name="iteration"/> (0-based) is due,
    /// or <see langword="null"/> when the profile never reaches that many arrivals (a rate that stays at zero).
    /// Offsets never decrease as <paramref name="iteration"/> grows.
    /// </summary>
    /// <param name="iteration">The 0-based iteration number.</param>
    /// <returns>The intended start offset, or <see langword="null"/> when there is no such arrival.</returns>
    public abstract TimeSpan? ArrivalOffset(long iteration);

    /// <summary>The number of arrivals the profile asks for within <paramref name="window"/> from the start (fractional).</summary>
    /// <param name="window">The length of the window, from the run's start.</param>
    /// <returns>The integral of the rate over the window.</returns>
    public abstract double ExpectedArrivals(TimeSpan window);

    /// <summary>Converts seconds to a <see cref="TimeSpan"/> with tick precision.</summary>
    /// <param name="seconds">A finite, non-negative number of seconds.</param>
    /// <returns>The time span, rounded to the nearest tick.</returns>
    protected static TimeSpan FromSeconds(double seconds)
        => TimeSpan.FromTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond, MidpointRounding.AwayFromZero));
}
