namespace Simulator.Scenarios;

/// <summary>
/// A kind of workload the load engine can run, and the extra keys it accepts in a scenario
/// beyond the common ones (name, region, model, rate, stages, concurrency, think_time, lines,
/// pre_allocated_users, max_users).
/// </summary>
/// <param name="Name">The kind's name, such as <c>order-import</c>.</param>
/// <param name="Parameters">The extra keys and the format of their values.</param>
public sealed record WorkloadKind(string Name, IReadOnlyDictionary<string, WorkloadParameterType> Parameters)
{
    /// <summary>The parameters a workload of this kind must set (each one of <see cref="Parameters"/>); none by default.</summary>
    public IReadOnlyList<string> Required { get; init; } = [];
}
