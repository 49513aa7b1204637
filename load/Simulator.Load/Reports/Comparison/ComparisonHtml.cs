using System.Globalization;
using System.Net;
using System.Text;
using Simulator.Load.Measurement;
using Simulator.Load.Reports.Html;

namespace Simulator.Load.Reports.Comparison;

/// <summary>
/// Renders <c>comparison.html</c>: one self-contained page (same style as <c>report.html</c>, no script) with the
/// side-by-side table, and per workload and region the p99 latency and error rate over time with one line per
/// topology, fault windows of the first run shaded — so a failover's cost on each topology is seen at a glance.
/// </summary>
public static class ComparisonHtml
{
    /// <summary>The conventional file name inside a comparison's output folder.</summary>
    public const string FileName = "comparison.html";

    /// <summary>Renders the comparison; <paramref name="reports"/> are the runs' full reports, in the comparison's order.</summary>
    public static string Render(ComparisonReport comparison, IReadOnlyList<LoadReport> reports)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(reports);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(comparison.Scenario)} — topology comparison</title>\n");
        html.Append("<style>\n").Append(ReportHtml.Style).Append("\n</style>\n</head>\n<body>\n<main>\n");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"verdict {(comparison.Passed ? "pass" : "fail")}\"><h1>{E(comparison.Scenario)} on {comparison.Runs.Count} topologies</h1>");
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"meta\">runtime {E(comparison.Runtime)} · {comparison.Machine.Cores} cores · started {comparison.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC · runs one after another on the same machine</div></div>\n");

        html.Append("<h2>Side by side</h2>\n<div class=\"scroll\"><table class=\"wide\">\n<tr><th></th>");
        foreach (var run in comparison.Runs)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th class=\"n\"><a href=\"{E(run.ReportPath.Replace(".json", ".html", StringComparison.Ordinal))}\">{E(run.Topology)}</a></th>");
        }

        html.Append("</tr>\n");
        foreach (var (label, cells) in ComparisonTable.Rows(comparison))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(label)}</th>");
            foreach (var (cell, run) in cells.Zip(comparison.Runs))
            {
                string css = label == "verdict" ? (run.Passed ? "n ok" : "n bad") : "n";
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"{css}\">{E(cell)}</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</table></div>\n");
        Charts(html, comparison, reports);
        html.Append("<p class=\"note\">Each topology ran the same scenario (same seed, load and fault timeline) one after another; ");
        html.Append("figures come from each run's own <code>report.json</code>. Latency is from the intended start (coordinated-omission corrected). ");
        html.Append("Shaded bands are the first run's fault windows. — means the run did not measure the figure.</p>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Charts(StringBuilder html, ComparisonReport comparison, IReadOnlyList<LoadReport> reports)
    {
        if (reports.Count == 0)
        {
            return;
        }

        double seconds = reports.Max(r => Math.Max(r.DurationSeconds, r.Workloads.SelectMany(w => w.Intervals).Select(i => i.Second + 1).DefaultIfEmpty(0).Max()));
        var faults = reports[0].Faults;
        foreach (var key in comparison.WorkloadKeys())
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2>{E(key)}</h2>\n");
            var latency = new SvgChart($"{key} — p99 latency from intended start", "ms", seconds, faults);
            var errors = new SvgChart($"{key} — error rate (failed + unknown of those ending each second)", "%", seconds, faults);
            for (int i = 0; i < reports.Count; i++)
            {
                var workload = reports[i].Workloads.FirstOrDefault(w => WorkloadFigures.Of(w).Key == key);
                if (workload is null)
                {
                    continue;
                }

                string color = ChartPalette.Of(i);
                latency.Add(reports[i].Topology, color, workload.Intervals.Select(s => (s.Second + 0.5, s.P99Ms)));
                errors.Add(reports[i].Topology, color, workload.Intervals.Select(s => (s.Second + 0.5, ErrorPercent(s))));
            }

            html.Append("<figure>").Append(latency.Render()).Append("</figure>\n");
            html.Append("<figure>").Append(errors.Render()).Append("</figure>\n");
        }
    }

    private static double? ErrorPercent(IntervalSnapshot s)
        => ReportFormat.ErrorRate(s.Ok, s.Failed, s.Unknown) is { } rate ? rate * 100 : null;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
