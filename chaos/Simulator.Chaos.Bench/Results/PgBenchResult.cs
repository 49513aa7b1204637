namespace Simulator.Chaos.Bench;

/// <summary>pgbench direct and through the proxy; <see cref="Measured"/> false (with a reason) when it could not run.</summary>
internal sealed record PgBenchResult(
    bool Measured,
    string? Reason,
    string? Version,
    int Scale,
    int Clients,
    int Threads,
    double DurationSeconds,
    int Rounds,
    IReadOnlyList<PgBenchWorkloadResult> Workloads)
{
    public bool Passed => !Measured || Workloads.All(w => w.Passed);

    public static PgBenchResult NotMeasured(string reason) => new(false, reason, null, 0, 0, 0, 0, 0, []);
}
