namespace Simulator.Load.Measurement;

/// <summary>Latency percentiles in milliseconds, read from an HdrHistogram (3 significant digits).</summary>
/// <param name="P50">Median.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">Largest value recorded.</param>
public sealed record LatencySummary(double P50, double P90, double P99, double P999, double Max);
