namespace Simulator.Load.Scheduling;

/// <summary>
/// A closed model whose number of virtual users starts at <paramref name="StartUsers"/> and follows
/// <paramref name="Stages"/> linearly; after the last stage the final number holds. The count is the straight line
/// between stage targets, rounded down while rising and up while falling: a user joins when the line reaches its
/// number plus one, leaves when the line drops to its number, and each stage ends exactly at its target. User
/// <c>k</c> (0-based) is active while the count exceeds <c>k</c>; a user that leaves finishes its iteration first.
/// </summary>
/// <param name="StartUsers">The number of users at the start.</param>
/// <param name="Stages">The stages, in order.</param>
public sealed record RampingConcurrency(int StartUsers, IReadOnlyList<ConcurrencyStage> Stages) : ClosedLoadModel
{
    /// <inheritdoc />
    public override int MaxUsers => Math.Max(0, Math.Max(StartUsers, Stages?.Count > 0 ? Stages.Max(s => s.ToUsers) : 0));

    /// <inheritdoc />
    public override int UsersAt(TimeSpan offset)
    {
        var start = TimeSpan.Zero;
        int from = StartUsers;
        foreach (var stage in Stages)
        {
            var end = start + stage.Over;
            if (offset < end)
            {
                if (offset < start)
                {
                    return from;
                }

                double line = from + ((stage.ToUsers - from) * ((offset - start) / stage.Over));
                return stage.ToUsers > from ? (int)Math.Floor(line) : (int)Math.Ceiling(line);
            }

            start = end;
            from = stage.ToUsers;
        }

        return from;
    }

    /// <inheritdoc />
    public override IReadOnlyList<UserSpan> ActiveSpans(int user)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(user);
        var spans = new List<UserSpan>();
        var start = TimeSpan.Zero;
        int from = StartUsers;
        foreach (var stage in Stages)
        {
            int to = stage.ToUsers;
            var end = start + stage.Over;
            if (stage.Over > TimeSpan.Zero)
            {
                if (from > user && (to >= from || to > user))
                {
                    Add(spans, start, end);
                }
                else if (from > user)
                {
                    // Falling through the user's number: active until the line reaches it.
                    Add(spans, start, start + Fraction(stage.Over, (double)(from - user) / (from - to)));
                }
                else if (to > user)
                {
                    // Rising through it: active once the line reaches the user's number plus one.
                    Add(spans, start + Fraction(stage.Over, (double)(user + 1 - from) / (to - from)), end);
                }
            }

            start = end;
            from = to;
        }

        if (from > user)
        {
            Add(spans, start, null);
        }

        return spans;
    }

    /// <inheritdoc />
    public override IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (StartUsers < 0)
        {
            errors.Add($"start concurrency must not be negative (was {StartUsers})");
        }

        if (Stages is null)
        {
            errors.Add("stages must be given (an empty list holds the start concurrency)");
            return errors;
        }

        for (int i = 0; i < Stages.Count; i++)
        {
            var stage = Stages[i];
            if (stage.ToUsers < 0)
            {
                errors.Add($"stage {i + 1}: target concurrency must not be negative (was {stage.ToUsers})");
            }

            if (stage.Over < TimeSpan.Zero)
            {
                errors.Add($"stage {i + 1}: duration must not be negative (was {stage.Over})");
            }
        }

        if (errors.Count == 0 && MaxUsers < 1)
        {
            errors.Add("the profile never asks for a user: at least one stage (or the start) needs 1 or more");
        }

        errors.AddRange(ValidateThinkTime());
        return errors;
    }

    /// <inheritdoc />
    public override string Describe()
        => $"ramping-concurrency {StartUsers}{string.Concat(Stages.Select(s => $" → {s.ToUsers} over {Format(s.Over)}"))} users{DescribeThinkTime()}";

    private static TimeSpan Fraction(TimeSpan span, double fraction)
        => TimeSpan.FromTicks((long)Math.Round(span.Ticks * fraction, MidpointRounding.AwayFromZero));

    private static void Add(List<UserSpan> spans, TimeSpan from, TimeSpan? until)
    {
        if (until is { } end && end <= from)
        {
            return;
        }

        if (spans.Count > 0 && spans[^1].Until == from)
        {
            spans[^1] = spans[^1] with { Until = until };
            return;
        }

        spans.Add(new UserSpan(from, until));
    }
}
