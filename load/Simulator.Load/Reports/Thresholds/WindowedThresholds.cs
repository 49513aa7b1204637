using System.Globalization;
using Simulator.Load.Measurement;

namespace Simulator.Load.Reports.Thresholds;

/// <summary>
/// Judges thresholds over sliding windows (<c>over any 30s window</c>): the condition must hold in every window
/// <c>[s, s + length)</c> of whole seconds that fits in the run (one window over the whole run when it is shorter).
/// Counts, error rates and achieved rates come from the per-second timeline (<see cref="WorkloadReport.Intervals"/>),
/// so every window is judged exactly. Latency percentiles come from the extremes tracked during the run
/// (<see cref="WorkloadReport.WindowedLatencyMs"/>): <c>&lt;</c>/<c>&lt;=</c> judge the highest window value and
/// <c>&gt;</c>/<c>&gt;=</c> the lowest, which is exact; <c>==</c> holds only when lowest and highest both equal the
/// limit, and <c>!=</c> only when the limit lies outside [lowest, highest] (conservative: it may fail a threshold
/// that held). The actual shown is the worst window's value and where that window lies.
/// </summary>
internal static class WindowedThresholds
{
    public static ThresholdReport Evaluate(ThresholdSpec threshold, LoadReport report, string expression)
    {
        int length = LoadRunOptions.WindowSeconds(threshold.Window!.Value);
        string metric = threshold.Metric.Trim();
        List<Verdict> verdicts;
        if (metric is "error_rate" or "achieved_rate")
        {
            verdicts = [FromTimeline(report.Workloads, metric, threshold, length, null)];
        }
        else if (metric is "lost_writes" or "unknown_writes" || metric.StartsWith("failover.", StringComparison.Ordinal))
        {
            return new ThresholdReport(expression, $"{metric} is measured once per run, not per window", false);
        }
        else if (!ThresholdEvaluator.TrySplit(metric, out string name, out string? region, out string stat))
        {
            return new ThresholdReport(expression, $"unknown metric '{metric}'", false);
        }
        else
        {
            var entries = report.Workloads.Where(w => w.Name == name && (region is null || w.Region == region)).ToList();
            if (entries.Count == 0)
            {
                return new ThresholdReport(expression, ThresholdEvaluator.NotMeasured, false);
            }

            verdicts = [.. entries.Select(e => stat is "p50" or "p90" or "p99" or "p999" or "max"
                ? FromTracked(e, stat, threshold, length)
                : FromTimeline([e], stat, threshold, length, e.Region))];
        }

        if (verdicts.FirstOrDefault(v => v.Problem is not null) is { Problem: { } problem })
        {
            return new ThresholdReport(expression, problem, false);
        }

        var shown = verdicts.FirstOrDefault(v => !v.Holds)
            ?? verdicts.MinBy(v => Math.Abs(v.Value - threshold.Value))!;
        string where = verdicts.Count > 1 && shown.Region is { } r ? r + ", " : string.Empty;
        string span = shown.Length < length
            ? string.Create(CultureInfo.InvariantCulture, $"the whole {shown.Length}s run, shorter than the window")
            : string.Create(CultureInfo.InvariantCulture, $"worst {length}s window {shown.From}s–{shown.From + length}s");
        string actual = string.Create(CultureInfo.InvariantCulture, $"{shown.Value.ToString("0.###", CultureInfo.InvariantCulture)}{shown.Suffix} ({where}{span})");
        return new ThresholdReport(expression, actual, verdicts.All(v => v.Holds));
    }

    private static Verdict FromTracked(WorkloadReport entry, string stat, ThresholdSpec threshold, int length)
    {
        var unit = threshold.Unit;
        if (unit is not (ThresholdUnit.None or ThresholdUnit.Milliseconds or ThresholdUnit.Seconds))
        {
            return Verdict.Fail($"unit '{ThresholdSpec.Suffix(unit)}' does not apply to {threshold.Metric}");
        }

        var tracked = entry.WindowedLatencyMs.FirstOrDefault(w => w.WindowSeconds == length);
        if (tracked is null)
        {
            return Verdict.Fail(string.Create(CultureInfo.InvariantCulture, $"{ThresholdEvaluator.NotMeasured} (no {length}s window was tracked during the run)"));
        }

        var extremes = stat switch
        {
            "p50" => tracked.P50,
            "p90" => tracked.P90,
            "p99" => tracked.P99,
            "p999" => tracked.P999,
            _ => tracked.Max,
        };
        if (extremes is null)
        {
            return Verdict.Fail(ThresholdEvaluator.NotMeasured);
        }

        double scale = unit == ThresholdUnit.Seconds ? 0.001 : 1;
        string suffix = unit == ThresholdUnit.Seconds ? "s" : "ms";
        double min = Math.Round(extremes.Min * scale, 6);
        double max = Math.Round(extremes.Max * scale, 6);
        var (holds, value, from) = threshold.Operator switch
        {
            ThresholdOperator.LessThan or ThresholdOperator.LessThanOrEqual => (ThresholdEvaluator.Holds(max, threshold.Operator, threshold.Value), max, extremes.MaxFromSecond),
            ThresholdOperator.GreaterThan or ThresholdOperator.GreaterThanOrEqual => (ThresholdEvaluator.Holds(min, threshold.Operator, threshold.Value), min, extremes.MinFromSecond),
            ThresholdOperator.Equal => min == threshold.Value && max == threshold.Value
                ? (true, max, extremes.MaxFromSecond)
                : max != threshold.Value ? (false, max, extremes.MaxFromSecond) : (false, min, extremes.MinFromSecond),
            _ => (threshold.Value < min || threshold.Value > max, min, extremes.MinFromSecond),
        };
        int windows = Seconds(entry.Intervals);
        return new Verdict(holds, value, suffix, from, Math.Min(length, Math.Max(windows, 1)), entry.Region);
    }

    private static Verdict FromTimeline(IReadOnlyList<WorkloadReport> entries, string stat, ThresholdSpec threshold, int length, string? region)
    {
        var unit = threshold.Unit;
        Func<Sums[], int, int, double?>? value;
        string suffix;
        double scale = unit == ThresholdUnit.Percent ? 100 : 1;
        switch (stat)
        {
            case "error_rate" when unit is ThresholdUnit.None or ThresholdUnit.Percent:
                value = (sums, _, _) => sums.Sum(s => s.Attempts) is > 0 and long attempts ? (double)sums.Sum(s => s.Errors) / attempts : null;
                suffix = unit == ThresholdUnit.Percent ? "%" : string.Empty;
                break;
            case "achieved_rate" when unit == ThresholdUnit.PerSecond:
                value = (sums, _, seconds) => (double)sums.Sum(s => s.Started) / seconds;
                suffix = "/s";
                break;
            case "achieved_rate" when unit is ThresholdUnit.None or ThresholdUnit.Percent:
                // The lowest share among the workloads that had open-model arrivals in the window.
                value = (sums, _, _) => sums.Where(s => s.Arrivals > 0).Select(s => (double?)(s.Arrivals - s.Dropped) / s.Arrivals).Min();
                suffix = unit == ThresholdUnit.Percent ? "%" : string.Empty;
                break;
            case "ok" or "failed" or "dropped" or "unknown" when unit == ThresholdUnit.None:
                value = (sums, _, _) => sums.Sum(s => stat switch { "ok" => s.Ok, "failed" => s.Failed, "dropped" => s.Dropped, _ => s.Unknown });
                suffix = string.Empty;
                break;
            case "error_rate" or "achieved_rate" or "ok" or "failed" or "dropped" or "unknown":
                return Verdict.Fail($"unit '{ThresholdSpec.Suffix(unit)}' does not apply to {threshold.Metric}");
            default:
                return Verdict.Fail($"unknown metric '{threshold.Metric}'");
        }

        int seconds = entries.Count == 0 ? 0 : entries.Max(e => Seconds(e.Intervals));
        if (seconds == 0)
        {
            return Verdict.Fail(ThresholdEvaluator.NotMeasured);
        }

        // Prefix sums per workload: a window's sums are two lookups.
        var prefix = entries.Select(e => Prefix(e.Intervals, seconds)).ToList();
        int window = Math.Min(length, seconds);
        Verdict? worst = null;
        bool holds = true;
        var sums = new Sums[entries.Count];
        for (int from = 0; from + window <= seconds; from++)
        {
            for (int w = 0; w < entries.Count; w++)
            {
                sums[w] = prefix[w][from + window] - prefix[w][from];
            }

            if (value(sums, from, window) is not { } raw)
            {
                continue;
            }

            double actual = Math.Round(raw * scale, 6);
            bool ok = ThresholdEvaluator.Holds(actual, threshold.Operator, threshold.Value);
            var candidate = new Verdict(ok, actual, suffix, from, window, region);
            if (worst is null || (holds && !ok) || (holds == ok && IsWorse(actual, worst.Value, threshold.Operator)))
            {
                worst = candidate;
            }

            holds &= ok;
        }

        return worst is null ? Verdict.Fail(ThresholdEvaluator.NotMeasured) : worst with { Holds = holds };
    }

    private static bool IsWorse(double value, double than, ThresholdOperator op) => op switch
    {
        ThresholdOperator.LessThan or ThresholdOperator.LessThanOrEqual => value > than,
        ThresholdOperator.GreaterThan or ThresholdOperator.GreaterThanOrEqual => value < than,
        _ => false,
    };

    private static int Seconds(IReadOnlyList<IntervalSnapshot> intervals) => intervals.Count == 0 ? 0 : intervals.Max(i => i.Second) + 1;

    private static Sums[] Prefix(IReadOnlyList<IntervalSnapshot> intervals, int seconds)
    {
        var perSecond = new Sums[seconds];
        foreach (var i in intervals)
        {
            perSecond[i.Second] += new Sums(i.Ok, i.Failed, i.Unknown, i.Dropped, i.Started, i.Arrivals);
        }

        var prefix = new Sums[seconds + 1];
        for (int s = 0; s < seconds; s++)
        {
            prefix[s + 1] = prefix[s] + perSecond[s];
        }

        return prefix;
    }

    private readonly record struct Sums(long Ok, long Failed, long Unknown, long Dropped, long Started, long Arrivals)
    {
        public long Attempts => Ok + Failed + Unknown;

        public long Errors => Failed + Unknown;

        public static Sums operator +(Sums a, Sums b)
            => new(a.Ok + b.Ok, a.Failed + b.Failed, a.Unknown + b.Unknown, a.Dropped + b.Dropped, a.Started + b.Started, a.Arrivals + b.Arrivals);

        public static Sums operator -(Sums a, Sums b)
            => new(a.Ok - b.Ok, a.Failed - b.Failed, a.Unknown - b.Unknown, a.Dropped - b.Dropped, a.Started - b.Started, a.Arrivals - b.Arrivals);
    }

    private sealed record Verdict(bool Holds, double Value, string Suffix, int From, int Length, string? Region, string? Problem = null)
    {
        public static Verdict Fail(string problem) => new(false, 0, string.Empty, 0, 0, null, problem);
    }
}
