namespace Simulator.Load.Scheduling;

/// <summary>
/// An arrival rate that starts at <paramref name="StartPerSecond"/> and moves linearly through
/// <paramref name="Stages"/>; after the last stage the final rate holds until the run ends. Arrival
/// <c>i</c> is due at the earliest time <c>t</c> at which the integral of the rate from the start reaches <c>i</c>,
/// so offsets stay absolute (they depend on the profile only, never on how earlier iterations went).
/// </summary>
/// <param name="StartPerSecond">The rate at the run's start, per second.</param>
/// <param name="Stages">The stages, in order.</param>
public sealed record RampingRate(double StartPerSecond, IReadOnlyList<RateStage> Stages) : OpenLoadModel
{
    /// <inheritdoc />
    public override TimeSpan? ArrivalOffset(long iteration)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(iteration);
        if (!HasAnyArrival())
        {
            return null;
        }

        double remaining = iteration;
        double elapsed = 0;
        double from = StartPerSecond;
        foreach (var stage in Stages)
        {
            double length = stage.Over.TotalSeconds;
            double to = stage.ToPerSecond;
            double arrivals = (from + to) / 2 * length;
            if (remaining <= arrivals && length > 0)
            {
                return FromSeconds(elapsed + SolveWithinStage(remaining, from, to, length));
            }

            remaining -= arrivals;
            elapsed += length;
            from = to;
        }

        if (remaining <= 0)
        {
            return FromSeconds(elapsed);
        }

        return from > 0 ? FromSeconds(elapsed + (remaining / from)) : null;
    }

    /// <inheritdoc />
    public override double ExpectedArrivals(TimeSpan window)
    {
        double left = Math.Max(0, window.TotalSeconds);
        double total = 0;
        double from = StartPerSecond;
        foreach (var stage in Stages)
        {
            double length = stage.Over.TotalSeconds;
            if (left <= length)
            {
                double rateAtEnd = from + ((stage.ToPerSecond - from) * (left / length));
                return total + ((from + rateAtEnd) / 2 * left);
            }

            total += (from + stage.ToPerSecond) / 2 * length;
            left -= length;
            from = stage.ToPerSecond;
        }

        return total + (from * left);
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!double.IsFinite(StartPerSecond) || StartPerSecond < 0)
        {
            errors.Add($"start rate must be a finite number per second, not negative (was {StartPerSecond})");
        }

        if (Stages is null)
        {
            errors.Add("stages must be given (an empty list holds the start rate)");
            return errors;
        }

        for (int i = 0; i < Stages.Count; i++)
        {
            var stage = Stages[i];
            if (!double.IsFinite(stage.ToPerSecond) || stage.ToPerSecond < 0)
            {
                errors.Add($"stage {i + 1}: target rate must be a finite number per second, not negative (was {stage.ToPerSecond})");
            }

            if (stage.Over < TimeSpan.Zero)
            {
                errors.Add($"stage {i + 1}: duration must not be negative (was {stage.Over})");
            }
        }

        return errors;
    }

    /// <inheritdoc />
    public override string Describe()
        => $"ramping-rate {Format(StartPerSecond)}/s{string.Concat(Stages.Select(s => $" → {Format(s.ToPerSecond)}/s over {Format(s.Over)}"))}";

    // Arrivals within a stage follow N(s) = from*s + (to-from)*s^2/(2*length); solve N(s) = arrivals for s
    // in the form that stays stable when the slope is near zero or negative.
    private static double SolveWithinStage(double arrivals, double from, double to, double length)
    {
        if (arrivals <= 0)
        {
            return 0;
        }

        double slope = (to - from) / length;
        double discriminant = Math.Max(0, (from * from) + (2 * slope * arrivals));
        double denominator = from + Math.Sqrt(discriminant);
        return denominator > 0 ? Math.Min(length, 2 * arrivals / denominator) : length;
    }

    private bool HasAnyArrival() => StartPerSecond > 0 || Stages.Any(s => s.ToPerSecond > 0);
}
