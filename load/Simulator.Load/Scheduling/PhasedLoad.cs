namespace Simulator.Load.Scheduling;

/// <summary>
/// Models run one after another within a workload: each phase starts when the previous one's duration is over, at
/// an absolute offset from the run's start (phase <c>n</c> starts at the sum of the durations before it). Offsets
/// inside a phase (arrival times, user spans) count from the phase's start. Iterations still running when their
/// phase ends finish (a closed phase's users start no new one; an open phase schedules no further arrival); the
/// next phase does not wait for them. After the last phase the workload idles until the run ends. Phases must fit in
/// the run's duration.
/// </summary>
/// <param name="Phases">The phases, in order.</param>
public sealed record PhasedLoad(IReadOnlyList<LoadPhase> Phases) : LoadModel
{
    /// <summary>The phases' total duration.</summary>
    public TimeSpan TotalDuration => Phases?.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase.Duration) ?? TimeSpan.Zero;

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        if (Phases is null || Phases.Count == 0)
        {
            return ["at least one phase is needed"];
        }

        var errors = new List<string>();
        for (int i = 0; i < Phases.Count; i++)
        {
            var phase = Phases[i];
            string where = $"phase {i + 1}";
            if (phase.Duration <= TimeSpan.Zero)
            {
                errors.Add($"{where}: duration must be positive (was {phase.Duration})");
            }

            switch (phase.Model)
            {
                case null:
                    errors.Add($"{where}: a model is required");
                    break;
                case PhasedLoad:
                    errors.Add($"{where}: phases cannot be nested");
                    break;
                default:
                    errors.AddRange(phase.Model.Validate().Select(e => $"{where} ({phase.Model.Describe()}): {e}"));
                    break;
            }
        }

        return errors;
    }

    /// <inheritdoc />
    public override string Describe()
        => string.Join(", then ", Phases.Select(p => $"{p.Model.Describe()} for {Format(p.Duration)}"));

    /// <summary>
    /// The phases of <paramref name="model"/> as absolute spans cut at <paramref name="duration"/>: a phased load's
    /// phases in order, any other model as one phase over the whole run.
    /// </summary>
    internal static IReadOnlyList<(LoadModel Model, TimeSpan Start, TimeSpan End)> Segments(LoadModel model, TimeSpan duration)
    {
        if (model is not PhasedLoad phased)
        {
            return [(model, TimeSpan.Zero, duration)];
        }

        var segments = new List<(LoadModel, TimeSpan, TimeSpan)>();
        var start = TimeSpan.Zero;
        foreach (var phase in phased.Phases)
        {
            if (start >= duration)
            {
                break;
            }

            var end = start + phase.Duration;
            segments.Add((phase.Model, start, end < duration ? end : duration));
            start = end;
        }

        return segments;
    }

    /// <summary>Arrivals the open parts of <paramref name="model"/> ask for within the first <paramref name="window"/> of the run.</summary>
    internal static double ExpectedOpenArrivals(LoadModel model, TimeSpan window)
    {
        double total = 0;
        foreach (var (part, start, end) in Segments(model, window))
        {
            if (part is OpenLoadModel open)
            {
                total += open.ExpectedArrivals(end - start);
            }
        }

        return total;
    }

    /// <summary>Whether any part of <paramref name="model"/> is of type <typeparamref name="T"/>.</summary>
    internal static bool Has<T>(LoadModel model)
        where T : LoadModel
        => model is T || (model is PhasedLoad phased && phased.Phases.Any(p => p.Model is T));
}
