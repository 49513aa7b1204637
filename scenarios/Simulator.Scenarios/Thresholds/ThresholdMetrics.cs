namespace Simulator.Scenarios;

/// <summary>
/// The metrics thresholds may test. Every one of them is a figure the report contract carries,
/// so a threshold never asks for something the run does not measure.
/// </summary>
public static class ThresholdMetrics
{
    private static readonly ThresholdValueKind[] DurationOnly = [ThresholdValueKind.Duration];
    private static readonly ThresholdValueKind[] PercentageOnly = [ThresholdValueKind.Percentage];
    private static readonly ThresholdValueKind[] NumberOnly = [ThresholdValueKind.Number];
    private static readonly ThresholdValueKind[] PercentageOrRate = [ThresholdValueKind.Percentage, ThresholdValueKind.Rate];

    /// <summary>
    /// Statistics written after a workload name (<c>order-import.p99</c>) or a workload and region
    /// (<c>warehouse-scan@apac.p99</c>).
    /// </summary>
    public static IReadOnlyList<ThresholdMetric> PerWorkload { get; } =
    [
        new("p50", DurationOnly, true, "500ms", "median latency, from the intended start"),
        new("p90", DurationOnly, true, "1000ms", "90th percentile latency, from the intended start"),
        new("p99", DurationOnly, true, "1500ms", "99th percentile latency, from the intended start"),
        new("p999", DurationOnly, true, "3000ms", "99.9th percentile latency, from the intended start"),
        new("max", DurationOnly, true, "5s", "largest latency, from the intended start"),
        new("error_rate", PercentageOnly, true, "1%", "failed requests as a share of requests"),
        new("achieved_rate", PercentageOrRate, true, "95%", "requests started on time, as a share of the target rate or as a rate"),
        new("ok", NumberOnly, true, "1000", "requests that succeeded"),
        new("failed", NumberOnly, true, "0", "requests that failed"),
        new("dropped", NumberOnly, true, "0", "requests that could not start on time"),
        new("unknown", NumberOnly, true, "0", "requests whose outcome is unknown (timeouts)"),
    ];

    /// <summary>Metrics about the whole run.</summary>
    public static IReadOnlyList<ThresholdMetric> Global { get; } =
    [
        new("achieved_rate", PercentageOrRate, true, "95%", "requests started on time over all workloads, as a share of the target or as a rate"),
        new("error_rate", PercentageOnly, true, "1%", "failed requests over all workloads"),
        new("lost_writes", NumberOnly, false, "0", "acknowledged writes missing from the surviving primary"),
        new("unknown_writes", NumberOnly, false, "0", "writes whose outcome is unknown"),
        new("failover.rto", DurationOnly, false, "15s", "from the fault to the first successful write after it"),
        new("failover.error_window", DurationOnly, false, "10s", "from the first failed write to the first successful one after the fault"),
        new("failover.lost_writes", NumberOnly, false, "0", "writes lost across the failover (RPO)"),
    ];

    /// <summary>Finds a global metric by name.</summary>
    /// <param name="name">The metric's name, such as <c>failover.rto</c>.</param>
    /// <returns>The metric, or <see langword="null"/>.</returns>
    public static ThresholdMetric? FindGlobal(string name) => Global.FirstOrDefault(m => m.Name == name);

    /// <summary>Finds a per-workload statistic by name.</summary>
    /// <param name="statistic">The statistic's name, such as <c>p99</c>.</param>
    /// <returns>The metric, or <see langword="null"/>.</returns>
    public static ThresholdMetric? FindPerWorkload(string statistic) => PerWorkload.FirstOrDefault(m => m.Name == statistic);
}
