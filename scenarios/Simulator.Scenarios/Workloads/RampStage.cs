namespace Simulator.Scenarios;

/// <summary>
/// One stage of a ramping workload: move linearly to a target over a duration
/// (<c>{ to: 40/s, over: 1m }</c> for <c>ramping-rate</c>, <c>{ to: 50, over: 1m }</c> for
/// <c>ramping-concurrency</c>). Exactly one of <see cref="Rate"/> and <see cref="Concurrency"/>
/// is set in a valid scenario, matching the workload's model.
/// </summary>
public sealed record RampStage
{
    /// <summary>The arrival rate reached at the end of the stage (<c>ramping-rate</c>).</summary>
    public Rate? Rate { get; init; }

    /// <summary>The number of users reached at the end of the stage (<c>ramping-concurrency</c>).</summary>
    public int? Concurrency { get; init; }

    /// <summary>How long the stage takes.</summary>
    public TimeSpan Over { get; init; }
}
