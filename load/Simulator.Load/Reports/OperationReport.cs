using Simulator.Load.Measurement;

namespace Simulator.Load.Reports;

/// <summary>One timed operation of a workload in <c>report.json</c>; latencies as in <see cref="WorkloadReport"/>.</summary>
/// <param name="Name">The operation's name, for example <c>import.create</c>.</param>
/// <param name="Ok">Operations completed OK.</param>
/// <param name="Failed">Operations failed.</param>
/// <param name="Unknown">Operations whose outcome is unknown.</param>
/// <param name="LatencyMs">Corrected latency percentiles.</param>
/// <param name="LatencyUncorrectedMs">Uncorrected latency percentiles.</param>
public sealed record OperationReport(
    string Name, long Ok, long Failed, long Unknown, LatencySummary? LatencyMs, LatencySummary? LatencyUncorrectedMs)
{
    /// <summary>Failed and unknown operations by error kind (for HTTP, the status: <c>http-503</c>).</summary>
    public IReadOnlyDictionary<string, long> ErrorKinds { get; init; } = new Dictionary<string, long>();
}
