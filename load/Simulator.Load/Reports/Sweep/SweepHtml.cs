using System.Globalization;
using System.Net;
using System.Text;
using Simulator.Load.Reports.Html;

namespace Simulator.Load.Reports.Sweep;

/// <summary>
/// Renders <c>sweep.html</c>: the knee, the throughput–latency curves (p50 and p99 against the target rate, per
/// workload and region), achieved against target rate, error rate against rate, and the steps' table.
/// </summary>
public static class SweepHtml
{
    /// <summary>The conventional file name inside a sweep's output folder.</summary>
    public const string FileName = "sweep.html";

    /// <summary>Renders the sweep as a self-contained HTML page.</summary>
    public static string Render(SweepReport sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(sweep.Scenario)} — capacity sweep</title>\n");
        html.Append("<style>\n").Append(ReportHtml.Style).Append("\n</style>\n</head>\n<body>\n<main>\n");
        bool found = sweep.KneeRate is not null;
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"verdict {(found ? "pass" : "fail")}\"><h1>Capacity sweep: {E(sweep.Scenario)} on {E(sweep.Topology)}</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<div>{(sweep.KneeRate is { } knee ? $"<strong>Knee: {E(ReportFormat.Number(knee))}/s</strong>, the highest total rate meeting every threshold" : "<strong>No knee</strong>: the first step already failed a threshold")}");
        if (sweep.FirstFailingRate is { } failing)
        {
            html.Append(CultureInfo.InvariantCulture, $"; first failure at {E(ReportFormat.Number(failing))}/s");
        }

        html.Append(CultureInfo.InvariantCulture, $".</div><div class=\"meta\">stopped: {E(sweep.StopReason)} · runtime {E(sweep.Runtime)} · {sweep.Machine.Cores} cores · {E(ReportFormat.Seconds(sweep.StepSeconds))} per step</div></div>\n");

        double maxRate = sweep.Steps.Select(s => Math.Max(s.TargetRate, s.AchievedRate ?? 0)).DefaultIfEmpty(1).Max();
        var axis = new ChartAxis("total target rate", "/s");
        var keys = sweep.Steps.SelectMany(s => s.Workloads).Select(w => w.Key).Distinct().ToList();
        var latency = new SvgChart("Latency against load (solid p99, dashed p50, from intended start)", "ms", maxRate, [], axis);
        var errors = new SvgChart("Error rate against load", "%", maxRate, [], axis);
        for (int i = 0; i < keys.Count; i++)
        {
            string color = ChartPalette.Of(i);
            var points = sweep.Steps.Select(s => (s.TargetRate, Figures: s.Workloads.FirstOrDefault(w => w.Key == keys[i]))).ToList();
            latency.Add($"{keys[i]} p99", color, points.Select(p => (p.TargetRate, p.Figures?.LatencyMs?.P99)));
            latency.Add($"{keys[i]} p50", color, points.Select(p => (p.TargetRate, p.Figures?.LatencyMs?.P50)), dashed: true);
            errors.Add(keys[i], color, points.Select(p => (p.TargetRate, p.Figures?.ErrorRate * 100)));
        }

        var throughput = new SvgChart("Achieved against target rate (dashed: ideal)", "per s", maxRate, [], axis)
            .Add("achieved", ChartPalette.Of(0), sweep.Steps.Select(s => (s.TargetRate, s.AchievedRate)))
            .Add("target", ChartPalette.Neutral, sweep.Steps.Select(s => (s.TargetRate, (double?)s.TargetRate)), dashed: true);
        html.Append("<h2>Throughput and latency</h2>\n");
        foreach (var chart in new[] { latency, throughput, errors })
        {
            html.Append("<figure>").Append(chart.Render()).Append("</figure>\n");
        }

        html.Append("<h2>Steps</h2>\n<table>\n<tr><th class=\"n\">target</th><th class=\"n\">achieved</th><th>verdict</th><th>failed thresholds</th><th>report</th></tr>\n");
        foreach (var step in sweep.Steps)
        {
            string failed = step.FailedThresholds.Count == 0 ? ReportFormat.NotMeasured : string.Join("; ", step.FailedThresholds.Select(t => $"{t.Expression} ({t.Actual})"));
            html.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"n\">{E(ReportFormat.Number(step.TargetRate))}/s</td><td class=\"n\">{E(step.AchievedRate is { } a ? ReportFormat.Number(a) + "/s" : ReportFormat.NotMeasured)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"{(step.Passed ? "ok" : "bad")}\">{(step.Passed ? "passed" : "failed")}</td><td>{E(failed)}</td><td><a href=\"{E(step.ReportPath.Replace(".json", ".html", StringComparison.Ordinal))}\">report</a></td></tr>\n");
        }

        html.Append("</table>\n<p class=\"note\">Each step ran the whole scenario at one total rate, shared among the workloads in the scenario's proportions. ");
        html.Append("The knee is the highest rate at which every threshold passed with every lower step passing too. Latency is from the intended start, ");
        html.Append("so a saturated system shows its queueing; the achieved rate falling below the target means iterations were dropped, not delayed.</p>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
