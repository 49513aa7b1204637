namespace Simulator.Load.Scheduling;

/// <summary>
/// A closed workload model: a number of virtual users, each looping — run an iteration, wait the
/// <see cref="ThinkTime"/>, run the next. A user starts its next iteration only when done with the previous one, so
/// nothing is ever dropped, and the load falls when the system under test slows down (which is what closed models
/// measure, and why open models are the default). An iteration's intended start is the moment its user became free
/// for it (its activation, or the end of the previous iteration plus the think time), so the corrected latency
/// equals the latency from the actual send except for timer lag; think time is never part of a latency.
/// </summary>
public abstract record ClosedLoadModel : LoadModel
{
    /// <summary>The pause a user takes after each iteration before the next; zero for none.</summary>
    public TimeSpan ThinkTime { get; init; }

    /// <summary>The most users the profile ever runs at once (user numbers run from 0 to this minus one).</summary>
    public abstract int MaxUsers { get; }

    /// <summary>The number of users the profile asks for at <paramref name="offset"/> from the model's start.</summary>
    /// <param name="offset">The offset from the start of the model (of its phase, inside a <see cref="PhasedLoad"/>).</param>
    /// <returns>The number of active users.</returns>
    public abstract int UsersAt(TimeSpan offset);

    /// <summary>
    /// When user <paramref name="user"/> (0-based) is active, as sorted, non-overlapping spans from the model's start.
    /// A user starts no new iteration outside its spans; an iteration running when a span ends finishes.
    /// </summary>
    /// <param name="user">The user's number, from 0 to <see cref="MaxUsers"/> minus one.</param>
    /// <returns>The spans; the last may be open-ended.</returns>
    public abstract IReadOnlyList<UserSpan> ActiveSpans(int user);

    /// <summary>The think-time part of <see cref="LoadModel.Validate"/>.</summary>
    /// <returns>The problem, if any.</returns>
    protected IEnumerable<string> ValidateThinkTime()
    {
        if (ThinkTime < TimeSpan.Zero)
        {
            yield return $"think time must not be negative (was {ThinkTime})";
        }
    }

    /// <summary>The think-time part of <see cref="LoadModel.Describe"/>: empty, or <c>, think 1s</c>.</summary>
    /// <returns>The text.</returns>
    protected string DescribeThinkTime() => ThinkTime > TimeSpan.Zero ? ", think " + Format(ThinkTime) : string.Empty;
}
