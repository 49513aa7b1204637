namespace Simulator.Chaos.Bench;

/// <summary>One pgbench workload: transactions per second, direct, through the proxy (zero copy on, and off: <c>Copying</c>) and through the reference proxy, per round.</summary>
internal sealed record PgBenchWorkloadResult(
    string Name,
    string Arguments,
    IReadOnlyList<double> DirectTps,
    IReadOnlyList<double> ProxyTps,
    double DirectMedianTps,
    double ProxyMedianTps,
    double Ratio,
    bool Passed,
    ReferenceResult Reference,
    ReferenceResult Copying);
