using System.Globalization;

namespace Simulator.Load.Reports.Thresholds;

/// <summary>
/// A parsed threshold: <c>metric operator value[unit]</c>. Metrics:
/// <c>&lt;workload&gt;.p50|p90|p99|p999|max</c> (corrected latency), <c>&lt;workload&gt;.error_rate</c>,
/// <c>&lt;workload&gt;.achieved_rate</c> (% of target, or per second with <c>/s</c>),
/// <c>&lt;workload&gt;.ok|failed|dropped|unknown</c> (counts), where <c>&lt;workload&gt;</c> is a name (the threshold
/// must hold in every region running it) or <c>name@region</c>; global <c>error_rate</c>, <c>achieved_rate</c>
/// (the lowest workload's share of its target, or the sum of rates with <c>/s</c>), <c>lost_writes</c>,
/// <c>unknown_writes</c>; <c>failover.rto</c>, <c>failover.error_window</c>, <c>failover.lost_writes</c>. Workload
/// metrics and the global error and achieved rates may also be judged over sliding windows (<see cref="Window"/>).
/// </summary>
/// <param name="Metric">The metric path.</param>
/// <param name="Operator">The comparison.</param>
/// <param name="Value">The limit, in <paramref name="Unit"/>.</param>
/// <param name="Unit">The limit's unit.</param>
public sealed record ThresholdSpec(string Metric, ThresholdOperator Operator, double Value, ThresholdUnit Unit = ThresholdUnit.None)
{
    /// <summary>The threshold as the user wrote it; when null, <see cref="ToString"/> spells it from its parts.</summary>
    public string? Expression { get; init; }

    /// <summary>
    /// When set, the condition must hold in every sliding window of this length (<c>over any 30s window</c>), rounded
    /// up to whole seconds: windows <c>[s, s + length)</c> for every second <c>s</c> at which one fits in the run (one
    /// window over the whole run when it is shorter). Latency percentiles over windows need the window tracked during
    /// the run (<see cref="LoadRunOptions.Windows"/>, see <see cref="WindowsOf"/>); counts, error and achieved rates
    /// are read from the per-second timeline.
    /// </summary>
    public TimeSpan? Window { get; init; }

    /// <summary>The distinct windows of <paramref name="thresholds"/>, for <see cref="LoadRunOptions.Windows"/>.</summary>
    /// <param name="thresholds">The scenario's thresholds.</param>
    /// <returns>The window lengths, shortest first.</returns>
    public static IReadOnlyList<TimeSpan> WindowsOf(IEnumerable<ThresholdSpec> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return [.. thresholds.Where(t => t.Window is not null).Select(t => TimeSpan.FromSeconds(LoadRunOptions.WindowSeconds(t.Window!.Value))).Distinct().Order()];
    }

    /// <summary>The operator's symbol.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>For example <c>&lt;=</c>.</returns>
    public static string Symbol(ThresholdOperator op) => op switch
    {
        ThresholdOperator.LessThan => "<",
        ThresholdOperator.LessThanOrEqual => "<=",
        ThresholdOperator.GreaterThan => ">",
        ThresholdOperator.GreaterThanOrEqual => ">=",
        ThresholdOperator.Equal => "==",
        _ => "!=",
    };

    /// <summary>The unit's suffix.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>For example <c>ms</c>; empty for <see cref="ThresholdUnit.None"/>.</returns>
    public static string Suffix(ThresholdUnit unit) => unit switch
    {
        ThresholdUnit.Milliseconds => "ms",
        ThresholdUnit.Seconds => "s",
        ThresholdUnit.Percent => "%",
        ThresholdUnit.PerSecond => "/s",
        _ => string.Empty,
    };

    /// <inheritdoc />
    public override string ToString()
        => Expression ?? $"{Metric} {Symbol(Operator)} {Value.ToString("0.######", CultureInfo.InvariantCulture)}{Suffix(Unit)}";
}
