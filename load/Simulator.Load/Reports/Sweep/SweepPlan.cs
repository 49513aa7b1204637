namespace Simulator.Load.Reports.Sweep;

/// <summary>
/// The total target rates a sweep tries, rising from <paramref name="From"/> to at most <paramref name="To"/>: by
/// <paramref name="Step"/> per step when it is given, else multiplied by <paramref name="Factor"/>.
/// </summary>
/// <param name="From">The first rate, per second; positive.</param>
/// <param name="To">The highest rate tried, per second; at least <paramref name="From"/>.</param>
/// <param name="Step">Added per step; null to multiply instead.</param>
/// <param name="Factor">Multiplied per step when <paramref name="Step"/> is null; above 1.</param>
public sealed record SweepPlan(double From, double To, double? Step = null, double Factor = 1.5)
{
    /// <summary>No sweep tries more steps than this, so a mistyped step cannot run for days.</summary>
    public const int MaxSteps = 50;

    /// <summary>Every problem with the plan; empty when it can run.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!(From > 0))
        {
            problems.Add("--from must be a positive rate");
        }

        if (!(To >= From))
        {
            problems.Add("--to must be at least --from");
        }

        if (Step is { } step && !(step > 0))
        {
            problems.Add("--step must be a positive rate");
        }

        if (Step is null && !(Factor > 1))
        {
            problems.Add("--factor must be above 1");
        }

        if (problems.Count == 0 && Rates().Count() > MaxSteps)
        {
            problems.Add($"the plan has more than {MaxSteps} steps; raise --step or --factor");
        }

        return problems;
    }

    /// <summary>The rates in order. Ends at <see cref="To"/> (the last step may fall short of it but never above).</summary>
    public IEnumerable<double> Rates()
    {
        int count = 0;
        for (double rate = From; rate <= To * (1 + 1e-9) && count <= MaxSteps; count++)
        {
            yield return Math.Round(rate, 6);
            rate = Step is { } step ? rate + step : rate * Factor;
        }
    }
}
