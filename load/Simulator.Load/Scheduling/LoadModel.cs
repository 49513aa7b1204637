namespace Simulator.Load.Scheduling;

/// <summary>
/// How a workload's iterations are paced. Open models (<see cref="OpenLoadModel"/>: <see cref="ConstantRate"/>,
/// <see cref="RampingRate"/>) start iterations at absolute arrival times whatever the system under test does;
/// closed models (<see cref="ClosedLoadModel"/>: <see cref="ConstantConcurrency"/>, <see cref="RampingConcurrency"/>)
/// keep a number of virtual users looping, each starting its next iteration when done with the previous one (after
/// an optional think time); <see cref="Pause"/> runs nothing; <see cref="PhasedLoad"/> runs any of these one after
/// another.
/// </summary>
public abstract record LoadModel
{
    /// <summary>Checks the model's own settings and returns every problem found (empty when valid).</summary>
    /// <returns>Human-readable problems, one per entry.</returns>
    public abstract IReadOnlyList<string> Validate();

    /// <summary>A short description for reports, for example <c>constant-rate 20/s</c>.</summary>
    /// <returns>The description.</returns>
    public abstract string Describe();

    /// <summary>Formats a number for <see cref="Describe"/>: invariant culture, at most three decimals.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    protected static string Format(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Formats a duration for <see cref="Describe"/>: <c>90s</c>, <c>2m</c>, <c>1m30s</c>, <c>250ms</c>.</summary>
    /// <param name="span">The duration.</param>
    /// <returns>The text.</returns>
    protected static string Format(TimeSpan span)
    {
        if (span.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return Format(span.TotalMilliseconds) + "ms";
        }

        long seconds = (long)span.TotalSeconds;
        return seconds switch
        {
            0 => "0s",
            _ when seconds % 3600 == 0 => $"{seconds / 3600}h",
            _ when seconds % 60 == 0 => $"{seconds / 60}m",
            >= 60 => $"{seconds / 60}m{seconds % 60}s",
            _ => $"{seconds}s",
        };
    }
}
