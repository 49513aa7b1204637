using System.Globalization;
using Simulator.Load.Measurement;

namespace Simulator.Load.Reports.Thresholds;

/// <summary>
/// Evaluates thresholds against a report. A metric the run did not measure (no such workload, no OK iteration to
/// take a percentile from, a ledger that was not checked, no failover) fails with the actual value
/// <see cref="NotMeasured"/>: a verdict is never made up from a figure that does not exist.
/// </summary>
public static class ThresholdEvaluator
{
    /// <summary>The actual value of a threshold whose metric the run did not measure.</summary>
    public const string NotMeasured = "not measured";

    private static readonly string[] LatencyStats = ["p50", "p90", "p99", "p999", "max"];

    /// <summary>Evaluates every threshold, in order.</summary>
    /// <param name="thresholds">The thresholds.</param>
    /// <param name="report">The report to read figures from (its own thresholds are ignored).</param>
    /// <returns>One verdict per threshold.</returns>
    public static IReadOnlyList<ThresholdReport> Evaluate(IEnumerable<ThresholdSpec> thresholds, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        return [.. thresholds.Select(t => Evaluate(t, report))];
    }

    /// <summary>Evaluates one threshold.</summary>
    /// <param name="threshold">The threshold.</param>
    /// <param name="report">The report to read figures from.</param>
    /// <returns>The expression, the actual value in the threshold's unit (or why there is none) and the verdict.</returns>
    public static ThresholdReport Evaluate(ThresholdSpec threshold, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(report);
        var reading = Read(threshold, report);
        string expression = threshold.ToString();
        if (reading.Value is not { } actual)
        {
            return new ThresholdReport(expression, reading.Problem ?? NotMeasured, false);
        }

        actual = Math.Round(actual, 6);
        bool passed = threshold.Operator switch
        {
            ThresholdOperator.LessThan => actual < threshold.Value,
            ThresholdOperator.LessThanOrEqual => actual <= threshold.Value,
            ThresholdOperator.GreaterThan => actual > threshold.Value,
            ThresholdOperator.GreaterThanOrEqual => actual >= threshold.Value,
            ThresholdOperator.Equal => actual == threshold.Value,
            _ => actual != threshold.Value,
        };
        return new ThresholdReport(expression, actual.ToString("0.###", CultureInfo.InvariantCulture) + reading.Suffix, passed);
    }

    private static Reading Read(ThresholdSpec threshold, LoadReport report)
    {
        string metric = threshold.Metric.Trim();
        var unit = threshold.Unit;
        switch (metric)
        {
            case "lost_writes":
                return Count(report.Ledger?.Lost, unit, metric);
            case "error_rate":
                return ErrorRate(report.Workloads, unit, metric);
            case "achieved_rate":
                return unit == ThresholdUnit.PerSecond
                    ? Reading.WrongUnit(unit, metric)
                    : AchievedShare(report.Workloads, unit, metric);
            case "failover.rto":
                return Seconds(report.Failover?.RtoSeconds, unit, metric);
            case "failover.error_window":
                return Seconds(report.Failover?.ErrorWindowSeconds, unit, metric);
            case "failover.lost_writes":
                return Count(report.Failover?.LostWrites, unit, metric);
        }

        int dot = metric.LastIndexOf('.');
        if (dot <= 0 || dot == metric.Length - 1)
        {
            return Reading.Unknown(metric);
        }

        string selector = metric[..dot];
        string stat = metric[(dot + 1)..];
        int at = selector.IndexOf('@', StringComparison.Ordinal);
        string name = at < 0 ? selector : selector[..at];
        string? region = at < 0 ? null : selector[(at + 1)..];
        var entries = report.Workloads
            .Where(w => w.Name == name && (region is null || w.Region == region))
            .ToList();

        if (!LatencyStats.Contains(stat) && stat is not ("error_rate" or "achieved_rate"))
        {
            return Reading.Unknown(metric);
        }

        if (entries.Count == 0)
        {
            return Reading.Missing;
        }

        return stat switch
        {
            "error_rate" => ErrorRate(entries, unit, metric),
            "achieved_rate" when unit == ThresholdUnit.PerSecond => AchievedPerSecond(entries),
            "achieved_rate" => AchievedShare(entries, unit, metric),
            _ => Latency(entries, stat, unit, metric),
        };
    }

    // The worst region decides: a workload that runs in several regions must hold in each.
    private static Reading Latency(IReadOnlyList<WorkloadReport> entries, string stat, ThresholdUnit unit, string metric)
    {
        if (unit is not (ThresholdUnit.None or ThresholdUnit.Milliseconds or ThresholdUnit.Seconds))
        {
            return Reading.WrongUnit(unit, metric);
        }

        double worst = 0;
        foreach (var entry in entries)
        {
            if (entry.LatencyMs is not { } latency)
            {
                return Reading.Missing;
            }

            worst = Math.Max(worst, Pick(latency, stat));
        }

        return unit == ThresholdUnit.Seconds ? new Reading(worst / 1000, "s") : new Reading(worst, "ms");
    }

    private static double Pick(LatencySummary latency, string stat) => stat switch
    {
        "p50" => latency.P50,
        "p90" => latency.P90,
        "p99" => latency.P99,
        "p999" => latency.P999,
        _ => latency.Max,
    };

    private static Reading ErrorRate(IEnumerable<WorkloadReport> entries, ThresholdUnit unit, string metric)
    {
        if (unit is not (ThresholdUnit.None or ThresholdUnit.Percent))
        {
            return Reading.WrongUnit(unit, metric);
        }

        long errors = 0;
        long attempts = 0;
        foreach (var entry in entries)
        {
            errors += entry.Failed + entry.Unknown;
            attempts += entry.Ok + entry.Failed + entry.Unknown;
        }

        if (attempts == 0)
        {
            return Reading.Missing;
        }

        double share = (double)errors / attempts;
        return unit == ThresholdUnit.Percent ? new Reading(share * 100, "%") : new Reading(share, string.Empty);
    }

    // The lowest share of its target any matching workload achieved.
    private static Reading AchievedShare(IEnumerable<WorkloadReport> entries, ThresholdUnit unit, string metric)
    {
        if (unit is not (ThresholdUnit.None or ThresholdUnit.Percent))
        {
            return Reading.WrongUnit(unit, metric);
        }

        double? lowest = null;
        foreach (var entry in entries)
        {
            if (entry.AchievedRate is not { } achieved || entry.TargetRate <= 0)
            {
                return Reading.Missing;
            }

            double share = achieved / entry.TargetRate;
            lowest = lowest is { } l ? Math.Min(l, share) : share;
        }

        if (lowest is not { } value)
        {
            return Reading.Missing;
        }

        return unit == ThresholdUnit.Percent ? new Reading(value * 100, "%") : new Reading(value, string.Empty);
    }

    private static Reading AchievedPerSecond(IEnumerable<WorkloadReport> entries)
    {
        double? lowest = null;
        foreach (var entry in entries)
        {
            if (entry.AchievedRate is not { } achieved)
            {
                return Reading.Missing;
            }

            lowest = lowest is { } l ? Math.Min(l, achieved) : achieved;
        }

        return lowest is { } value ? new Reading(value, "/s") : Reading.Missing;
    }

    private static Reading Count(long? value, ThresholdUnit unit, string metric)
    {
        if (unit != ThresholdUnit.None)
        {
            return Reading.WrongUnit(unit, metric);
        }

        return value is { } count ? new Reading(count, string.Empty) : Reading.Missing;
    }

    private static Reading Seconds(double? value, ThresholdUnit unit, string metric) => unit switch
    {
        _ when value is null => Reading.Missing,
        ThresholdUnit.None or ThresholdUnit.Seconds => new Reading(value.Value, "s"),
        ThresholdUnit.Milliseconds => new Reading(value.Value * 1000, "ms"),
        _ => Reading.WrongUnit(unit, metric),
    };

    private readonly record struct Reading(double? Value, string Suffix, string? Problem = null)
    {
        public static Reading Missing => new(null, string.Empty, NotMeasured);

        public static Reading Unknown(string metric) => new(null, string.Empty, $"unknown metric '{metric}'");

        public static Reading WrongUnit(ThresholdUnit unit, string metric)
            => new(null, string.Empty, $"unit '{ThresholdSpec.Suffix(unit)}' does not apply to {metric}");
    }
}
