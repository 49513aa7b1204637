using System.Diagnostics.CodeAnalysis;

namespace Simulator.Scenarios;

/// <summary>
/// A pass/fail condition on a measured figure: <c>&lt;metric&gt; &lt;op&gt; &lt;value&gt;</c>, optionally
/// followed by <c>over any &lt;duration&gt; window</c>. Examples: <c>order-import.p99 &lt; 1500ms</c>,
/// <c>warehouse-scan@apac.error_rate &lt; 1% over any 30s window</c>, <c>achieved_rate &gt;= 95%</c>,
/// <c>failover.rto &lt; 15s</c>, <c>lost_writes == 0</c>. See <see cref="ThresholdMetrics"/> for the metrics.
/// </summary>
public sealed record Threshold
{
    /// <summary>The expression as written (trimmed); reports show it as is.</summary>
    public required string Expression { get; init; }

    /// <summary>The metric path as written, such as <c>order-import.p99</c> or <c>failover.rto</c>.</summary>
    public required string Metric { get; init; }

    /// <summary>The workload the metric belongs to, or <see langword="null"/> for a global metric.</summary>
    public string? Workload { get; init; }

    /// <summary>The region of the workload when the metric names one (<c>warehouse-scan@apac.p99</c>); otherwise all regions running that workload.</summary>
    public string? Region { get; init; }

    /// <summary>The statistic (<c>p99</c>) of a workload metric, or the global metric's name (<c>failover.rto</c>).</summary>
    public required string Statistic { get; init; }

    /// <summary>The comparison.</summary>
    public ThresholdOperator Operator { get; init; }

    /// <summary>The limit.</summary>
    public ThresholdValue Value { get; init; }

    /// <summary>
    /// When set, the condition must hold in every window of this length during the run
    /// (<c>over any 30s window</c>), not only over the whole run.
    /// </summary>
    public TimeSpan? Window { get; init; }

    /// <summary>True for metrics about the whole run rather than one workload.</summary>
    public bool IsGlobal => Workload is null;

    /// <summary>Parses a threshold expression.</summary>
    /// <param name="expression">The expression, such as <c>order-import.p99 &lt; 1500ms</c>.</param>
    /// <returns>The threshold.</returns>
    /// <exception cref="FormatException">The expression is not valid; the message says why and how to fix it.</exception>
    public static Threshold Parse(string expression) =>
        TryParse(expression, out var value, out var error) ? value : throw new FormatException(error.ToString());

    /// <summary>Tries to parse a threshold expression.</summary>
    /// <param name="expression">The expression.</param>
    /// <param name="threshold">The threshold, when the expression is valid.</param>
    /// <returns><see langword="true"/> when the expression is valid.</returns>
    public static bool TryParse([NotNullWhen(true)] string? expression, [NotNullWhen(true)] out Threshold? threshold) =>
        TryParse(expression, out threshold, out _);

    /// <summary>Tries to parse a threshold expression, reporting what is wrong when it is not valid.</summary>
    /// <param name="expression">The expression.</param>
    /// <param name="threshold">The threshold, when the expression is valid.</param>
    /// <param name="error">Why it is not valid, with the offset of the offending part.</param>
    /// <returns><see langword="true"/> when the expression is valid.</returns>
    public static bool TryParse(
        [NotNullWhen(true)] string? expression,
        [NotNullWhen(true)] out Threshold? threshold,
        [NotNullWhen(false)] out ValueParseError? error) =>
        ThresholdParser.TryParse(expression, out threshold, out error);

    /// <summary>The expression as written.</summary>
    public override string ToString() => Expression;
}
