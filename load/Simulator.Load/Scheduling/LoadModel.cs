namespace Simulator.Load.Scheduling;

/// <summary>
/// How a workload's iterations are paced. Open models (<see cref="OpenLoadModel"/>) start iterations at
/// absolute arrival times whatever the system under test does; closed models (a fixed number of users
/// with think time, to come) start the next iteration only when a user is done with the previous one.
/// </summary>
public abstract record LoadModel
{
    /// <summary>Checks the model's own settings and returns every problem found (empty when valid).</summary>
    /// <returns>Human-readable problems, one per entry.</returns>
    public abstract IReadOnlyList<string> Validate();
}
