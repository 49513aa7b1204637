namespace Simulator.Scenarios;

/// <summary>
/// One of a workload's <c>phases</c>, run one after another, for example
/// <c>{ model: constant-concurrency, concurrency: 5, think_time: 200ms, duration: 30s }</c>, then
/// <c>{ model: pause, duration: 10s }</c>, then <c>{ model: constant-rate, rate: 20/s }</c>. The keys
/// mean what they mean on a workload without phases; <c>pause</c> starts nothing.
/// </summary>
public sealed record WorkloadPhase
{
    /// <summary>How the phase generates load.</summary>
    public WorkloadModel Model { get; init; }

    /// <summary>How long the phase lasts; <see langword="null"/> on the last phase for "until the run ends".</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The arrival rate for <c>constant-rate</c>; the starting rate for <c>ramping-rate</c> (zero when absent).</summary>
    public Rate? Rate { get; init; }

    /// <summary>The stages of a ramping model, in order, counted from the phase's start; empty for other models.</summary>
    public IReadOnlyList<RampStage> Stages { get; init; } = [];

    /// <summary>The number of users for <c>constant-concurrency</c>; the starting number for <c>ramping-concurrency</c> (zero when absent).</summary>
    public int? Concurrency { get; init; }

    /// <summary>The pause a user takes between iterations (closed models); zero when absent.</summary>
    public TimeSpan ThinkTime { get; init; }

    /// <summary>The total time the stages take.</summary>
    public TimeSpan StagesDuration => Stages.Aggregate(TimeSpan.Zero, (total, stage) => total + stage.Over);
}
