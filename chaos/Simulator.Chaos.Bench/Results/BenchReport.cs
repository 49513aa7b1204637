namespace Simulator.Chaos.Bench;

/// <summary>Everything one benchmark run measured: <c>bench.json</c>.</summary>
internal sealed record BenchReport(
    MachineInfo Machine,
    DateTimeOffset StartedAt,
    double DurationSeconds,
    bool Quick,
    string SocketCompletions,
    ThroughputResult Throughput,
    LatencyResult Latency)
{
    /// <summary>Every measured figure met its target (figures not measured do not count).</summary>
    public bool Passed => Throughput.Passed && Latency.Passed;
}
