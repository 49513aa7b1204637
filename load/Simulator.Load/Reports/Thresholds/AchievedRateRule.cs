using System.Globalization;

namespace Simulator.Load.Reports.Thresholds;

/// <summary>
/// The achieved-rate rule: a run whose open-model workloads started fewer than (1 − <see cref="Margin"/>) of their
/// arrivals on time fails, because its latencies then describe a lighter load than the scenario asked for. On by
/// default with a 5% margin (<c>achieved_rate &gt;= 95%</c>): <see cref="LoadReportBuilder.Build"/> judges
/// <see cref="Threshold"/> whenever the scenario's thresholds test no <c>achieved_rate</c> (global or per workload)
/// and the run has an open-model workload. A scenario's own <c>achieved_rate</c> threshold replaces the rule.
/// </summary>
/// <param name="Margin">How far below its target a workload may fall, as a fraction: 0.05 is 5%. From 0 (inclusive) to 1 (exclusive).</param>
public sealed record AchievedRateRule(double Margin)
{
    /// <summary>How far below its target a workload may fall, as a fraction (0.05 is 5%).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The margin is not from 0 up to (not including) 1.</exception>
    public double Margin { get; init; } = double.IsFinite(Margin) && Margin is >= 0 and < 1
        ? Margin
        : throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "the achieved-rate margin must be from 0 up to (not including) 1, e.g. 0.05 for 5%");

    /// <summary>The default margin: 0.05 (5%), i.e. an implicit <c>achieved_rate &gt;= 95%</c>.</summary>
    public const double DefaultMargin = 0.05;

    /// <summary>The suffix marking the rule's threshold in reports.</summary>
    public const string Marker = "(achieved-rate rule)";

    /// <summary>The rule with <see cref="DefaultMargin"/>.</summary>
    public static AchievedRateRule Default { get; } = new(DefaultMargin);

    /// <summary>No rule: only the scenario's thresholds are judged.</summary>
    public static AchievedRateRule Off { get; } = new(0) { Enabled = false };

    /// <summary>Whether the rule is judged at all.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>
    /// The implicit threshold: <c>achieved_rate &gt;= 95% (achieved-rate rule)</c> for the default margin — the lowest
    /// open-model workload's share of its arrivals started on time, as a percentage.
    /// </summary>
    public ThresholdSpec Threshold
    {
        get
        {
            double percent = Math.Round((1 - Margin) * 100, 6);
            return new ThresholdSpec("achieved_rate", ThresholdOperator.GreaterThanOrEqual, percent, ThresholdUnit.Percent)
            {
                Expression = string.Create(CultureInfo.InvariantCulture, $"achieved_rate >= {percent:0.######}% {Marker}"),
            };
        }
    }

    /// <summary>Whether <paramref name="thresholds"/> test an achieved rate already (so the rule stands aside).</summary>
    /// <param name="thresholds">The scenario's thresholds.</param>
    /// <returns>True when one of them is <c>achieved_rate</c> or <c>&lt;workload&gt;.achieved_rate</c>.</returns>
    public static bool IsCoveredBy(IEnumerable<ThresholdSpec> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return thresholds.Any(t => t.Metric.Trim() is "achieved_rate" || t.Metric.Trim().EndsWith(".achieved_rate", StringComparison.Ordinal));
    }

    /// <summary>Whether the rule adds its threshold to a run with these thresholds and workloads.</summary>
    /// <param name="thresholds">The scenario's thresholds.</param>
    /// <param name="workloads">The run's workloads.</param>
    /// <returns>True when enabled, not covered by a scenario threshold, and some workload has an open-model target.</returns>
    public bool Applies(IEnumerable<ThresholdSpec> thresholds, IEnumerable<WorkloadReport> workloads)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        if (!Enabled || IsCoveredBy(thresholds))
        {
            return false;
        }

        return workloads.Any(w => w.TargetRate is > 0);
    }
}
