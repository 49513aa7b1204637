using System.Globalization;
using System.Text;

namespace Simulator.Load.Reports.Sweep;

/// <summary>Renders <c>sweep.md</c>: the knee, why the sweep stopped, and one row per step.</summary>
public static class SweepMarkdown
{
    /// <summary>The conventional file name inside a sweep's output folder.</summary>
    public const string FileName = "sweep.md";

    /// <summary>Renders the sweep as Markdown, ending with a newline.</summary>
    public static string Render(SweepReport sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## Capacity sweep: {sweep.Scenario} on `{sweep.Topology}`\n\n");
        md.Append(sweep.KneeRate is { } knee
            ? $"**Knee: {ReportFormat.Number(knee)}/s** — the highest total rate meeting every threshold"
            : "**No knee**: the first step already failed a threshold");
        md.Append(sweep.FirstFailingRate is { } failing ? $"; first failure at {ReportFormat.Number(failing)}/s.\n\n" : ".\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Stopped: {sweep.StopReason}. Runtime `{sweep.Runtime}` · {sweep.Machine.Cores} cores · ");
        md.Append(CultureInfo.InvariantCulture, $"{ReportFormat.Seconds(sweep.StepSeconds)} per step · started {sweep.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC\n\n");
        md.Append("| target | achieved | verdict | worst p99 | worst error rate | failed thresholds | report |\n");
        md.Append("|---:|---:|---|---:|---:|---|---|\n");
        foreach (var step in sweep.Steps)
        {
            double? p99 = step.Workloads.Select(w => w.LatencyMs?.P99).Max();
            double? errors = step.Workloads.Select(w => w.ErrorRate).Max();
            string failed = step.FailedThresholds.Count == 0 ? "—" : string.Join("; ", step.FailedThresholds.Select(t => $"`{t.Expression}` ({t.Actual})"));
            md.Append(CultureInfo.InvariantCulture, $"| {ReportFormat.Number(step.TargetRate)}/s | {(step.AchievedRate is { } a ? ReportFormat.Number(a) + "/s" : ReportFormat.NotMeasured)} ");
            md.Append(CultureInfo.InvariantCulture, $"| {(step.Passed ? "✅" : "❌")} | {ReportFormat.Ms(p99)} | {ReportFormat.Percent(errors)} | {failed.Replace("|", "\\|", StringComparison.Ordinal)} | [report]({step.ReportPath}) |\n");
        }

        return md.ToString();
    }
}
