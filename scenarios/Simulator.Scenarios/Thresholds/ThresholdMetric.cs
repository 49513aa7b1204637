namespace Simulator.Scenarios;

/// <summary>A metric a threshold can test, and the values it can be compared with.</summary>
/// <param name="Name">The metric's name: a statistic after a workload name (<c>p99</c>) or a global metric (<c>failover.rto</c>).</param>
/// <param name="Accepts">The unit families its value may be written in.</param>
/// <param name="AllowsWindow">Whether <c>over any 30s window</c> may follow.</param>
/// <param name="Example">A value to show in hints, such as <c>1500ms</c>.</param>
/// <param name="Meaning">What the metric measures, in a few words.</param>
public sealed record ThresholdMetric(
    string Name,
    IReadOnlyList<ThresholdValueKind> Accepts,
    bool AllowsWindow,
    string Example,
    string Meaning);
