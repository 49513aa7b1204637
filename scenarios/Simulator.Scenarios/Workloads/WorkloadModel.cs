namespace Simulator.Scenarios;

/// <summary>
/// How a workload generates load. Open models schedule arrivals at a rate whatever the system
/// does (the default, honest about overload); closed models keep a number of users busy.
/// </summary>
public enum WorkloadModel
{
    /// <summary>No model was given; only seen in a scenario that failed to load.</summary>
    Unspecified = 0,

    /// <summary><c>constant-rate</c>: open model, a fixed arrival rate (<c>rate</c>).</summary>
    ConstantRate,

    /// <summary><c>ramping-rate</c>: open model, the arrival rate follows <c>stages</c>, starting from <c>rate</c> or zero.</summary>
    RampingRate,

    /// <summary><c>constant-concurrency</c>: closed model, a fixed number of users (<c>concurrency</c>).</summary>
    ConstantConcurrency,

    /// <summary><c>ramping-concurrency</c>: closed model, the number of users follows <c>stages</c>, starting from <c>concurrency</c> or zero.</summary>
    RampingConcurrency,

    /// <summary><c>pause</c>: no load at all; only as one of a workload's <c>phases</c> (to let a fault heal, for example).</summary>
    Pause,
}
