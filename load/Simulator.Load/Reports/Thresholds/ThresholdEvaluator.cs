using System.Globalization;
using Simulator.Load.Measurement;

namespace Simulator.Load.Reports.Thresholds;

/// <summary>
/// Evaluates thresholds against a report. A metric the run did not measure (no such workload, no OK iteration to
/// take a percentile from, a ledger that was not checked, no failover) fails with the actual value
/// <see cref="NotMeasured"/>: a verdict is never made up from a figure that does not exist. A workload metric
/// without a region must hold in every region that runs the workload; the actual shown is the first region that
/// broke it, or the one closest to the limit. Thresholds with a window are judged over every sliding window (see
/// <see cref="ThresholdSpec.Window"/>); the actual then names the worst window.
/// </summary>
public static class ThresholdEvaluator
{
    /// <summary>The actual value of a threshold whose metric the run did not measure.</summary>
    public const string NotMeasured = "not measured";

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
        string expression = threshold.ToString();
        if (threshold.Window is not null)
        {
            return WindowedThresholds.Evaluate(threshold, report, expression);
        }

        var readings = Read(threshold, report);
        if (readings.FirstOrDefault(r => r.Value is null) is { Problem: { } problem })
        {
            return new ThresholdReport(expression, problem, false);
        }

        Reading? shown = null;
        double closest = double.MaxValue;
        foreach (var reading in readings)
        {
            double actual = Math.Round(reading.Value!.Value, 6);
            if (!Holds(actual, threshold.Operator, threshold.Value))
            {
                return new ThresholdReport(expression, Format(reading, actual, readings.Count), false);
            }

            double margin = Math.Abs(actual - threshold.Value);
            if (shown is null || margin < closest)
            {
                shown = reading;
                closest = margin;
            }
        }

        return shown is { } s
            ? new ThresholdReport(expression, Format(s, Math.Round(s.Value!.Value, 6), readings.Count), true)
            : new ThresholdReport(expression, NotMeasured, false);
    }

    internal static bool Holds(double actual, ThresholdOperator op, double limit) => op switch
    {
        ThresholdOperator.LessThan => actual < limit,
        ThresholdOperator.LessThanOrEqual => actual <= limit,
        ThresholdOperator.GreaterThan => actual > limit,
        ThresholdOperator.GreaterThanOrEqual => actual >= limit,
        ThresholdOperator.Equal => actual == limit,
        _ => actual != limit,
    };

    private static string Format(Reading reading, double actual, int readings)
    {
        string text = actual.ToString("0.###", CultureInfo.InvariantCulture) + reading.Suffix;
        return readings > 1 && reading.Region is { } region ? $"{text} ({region})" : text;
    }

    private static IReadOnlyList<Reading> Read(ThresholdSpec threshold, LoadReport report)
    {
        string metric = threshold.Metric.Trim();
        var unit = threshold.Unit;
        switch (metric)
        {
            case "lost_writes":
                return [Count(report.Ledger?.Lost, unit, metric)];
            case "unknown_writes":
                return [Count(report.Ledger?.Unknown, unit, metric)];
            case "error_rate":
                return [ErrorRate(report.Workloads, unit, metric)];
            case "achieved_rate":
                return [GlobalAchieved(report.Workloads, unit, metric)];
            case "failover.rto":
                return [Seconds(report.Failover?.RtoSeconds, unit, metric)];
            case "failover.error_window":
                return [Seconds(report.Failover?.ErrorWindowSeconds, unit, metric)];
            case "failover.lost_writes":
                return [Count(report.Failover?.LostWrites, unit, metric)];
        }

        if (!TrySplit(metric, out string name, out string? region, out _, out string stat))
        {
            return [Reading.Unknown(metric)];
        }

        var entries = report.Workloads.Where(w => w.Name == name && (region is null || w.Region == region)).ToList();
        if (entries.Count == 0)
        {
            return [Reading.Missing];
        }

        return [.. entries.Select(entry => ReadWorkload(entry, stat, unit, metric) with { Region = entry.Region })];
    }

    /// <summary>Splits <c>name[@region].stat</c>; false when the metric has no known per-workload statistic.</summary>
    internal static bool TrySplit(string metric, out string name, out string? region, out string stat)
        => TrySplit(metric, out name, out region, out _, out stat);

    private static bool TrySplit(string metric, out string name, out string? region, out string selector, out string stat)
    {
        name = selector = stat = string.Empty;
        region = null;
        int dot = metric.LastIndexOf('.');
        if (dot <= 0 || dot == metric.Length - 1)
        {
            return false;
        }

        selector = metric[..dot];
        stat = metric[(dot + 1)..];
        if (stat is not ("p50" or "p90" or "p99" or "p999" or "max" or "error_rate" or "achieved_rate" or "ok" or "failed" or "dropped" or "unknown"))
        {
            return false;
        }

        int at = selector.IndexOf('@', StringComparison.Ordinal);
        name = at < 0 ? selector : selector[..at];
        region = at < 0 ? null : selector[(at + 1)..];
        return true;
    }

    private static Reading ReadWorkload(WorkloadReport entry, string stat, ThresholdUnit unit, string metric) => stat switch
    {
        "error_rate" => ErrorRate([entry], unit, metric),
        "achieved_rate" when unit == ThresholdUnit.PerSecond
            => entry.AchievedRate is { } rate ? new Reading(rate, "/s") : Reading.Missing,
        "achieved_rate" => Share(entry, unit, metric),
        "ok" => Count(entry.Ok, unit, metric),
        "failed" => Count(entry.Failed, unit, metric),
        "dropped" => Count(entry.Dropped, unit, metric),
        "unknown" => Count(entry.Unknown, unit, metric),
        _ => Latency(entry.LatencyMs, stat, unit, metric),
    };

    private static Reading Latency(LatencySummary? latency, string stat, ThresholdUnit unit, string metric)
    {
        if (unit is not (ThresholdUnit.None or ThresholdUnit.Milliseconds or ThresholdUnit.Seconds))
        {
            return Reading.WrongUnit(unit, metric);
        }

        if (latency is null)
        {
            return Reading.Missing;
        }

        double ms = stat switch
        {
            "p50" => latency.P50,
            "p90" => latency.P90,
            "p99" => latency.P99,
            "p999" => latency.P999,
            _ => latency.Max,
        };
        return unit == ThresholdUnit.Seconds ? new Reading(ms / 1000, "s") : new Reading(ms, "ms");
    }

    // Failed and unknown iterations as a share of those that ran (dropped ones never ran: see achieved_rate).
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

    private static Reading Share(WorkloadReport entry, ThresholdUnit unit, string metric)
    {
        if (unit is not (ThresholdUnit.None or ThresholdUnit.Percent))
        {
            return Reading.WrongUnit(unit, metric);
        }

        if (entry.AchievedShare is not { } share)
        {
            return Reading.Missing;
        }

        return unit == ThresholdUnit.Percent ? new Reading(share * 100, "%") : new Reading(share, string.Empty);
    }

    // Global: the lowest share of its target any workload achieved, or with /s the sum of achieved rates.
    private static Reading GlobalAchieved(IReadOnlyList<WorkloadReport> entries, ThresholdUnit unit, string metric)
    {
        if (entries.Count == 0)
        {
            return Reading.Missing;
        }

        if (unit == ThresholdUnit.PerSecond)
        {
            double total = 0;
            foreach (var entry in entries)
            {
                if (entry.AchievedRate is not { } rate)
                {
                    return Reading.Missing;
                }

                total += rate;
            }

            return new Reading(total, "/s");
        }

        // Closed-model workloads have no target to fall short of: only open-model ones are judged.
        var shares = entries.Where(e => e.TargetRate is not null).Select(e => Share(e, unit, metric)).ToList();
        if (shares.Count == 0)
        {
            return Reading.Missing;
        }

        return shares.FirstOrDefault(s => s.Value is null) is { Problem: not null } problem
            ? problem
            : shares.MinBy(s => s.Value!.Value);
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
        ThresholdUnit.None or ThresholdUnit.Seconds => value is { } s ? new Reading(s, "s") : Reading.Missing,
        ThresholdUnit.Milliseconds => value is { } s ? new Reading(s * 1000, "ms") : Reading.Missing,
        _ => Reading.WrongUnit(unit, metric),
    };

    private readonly record struct Reading(double? Value, string Suffix, string? Problem = null, string? Region = null)
    {
        public static Reading Missing => new(null, string.Empty, NotMeasured);

        public static Reading Unknown(string metric) => new(null, string.Empty, $"unknown metric '{metric}'");

        public static Reading WrongUnit(ThresholdUnit unit, string metric)
            => new(null, string.Empty, $"unit '{ThresholdSpec.Suffix(unit)}' does not apply to {metric}");
    }
}
