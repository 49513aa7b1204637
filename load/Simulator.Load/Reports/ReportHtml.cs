using System.Globalization;
using System.Net;
using System.Text;
using Simulator.Load.Measurement;
using Simulator.Load.Reports.Html;

namespace Simulator.Load.Reports;

/// <summary>
/// Renders <c>report.html</c> from the report model: one self-contained page (inline CSS and SVG, no script, no
/// font, image or stylesheet fetched from anywhere) that a capacity planner can read without us — the verdict, the
/// thresholds, a summary table per workload, per workload and region charts of latency (p50, p99) and throughput and
/// error rate over time with fault windows shaded, error kinds and operations, faults, failover, ledger, and the
/// machine and runtime measured on. A figure the run did not measure is shown as "—".
/// </summary>
public static class ReportHtml
{
    /// <summary>The conventional file name inside a run's output folder.</summary>
    public const string FileName = "report.html";

    internal const string Style = """
        :root { color-scheme: light; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
        main { max-width: 1060px; margin: 0 auto; padding: 24px; background: #fff; }
        .scroll { overflow-x: auto; }
        table.wide { font-size: 12.5px; }
        nav { margin: 0 0 8px; font-size: 13px; }
        nav a { margin-right: 12px; color: #0969da; text-decoration: none; }
        .badge { display: inline-block; font-size: 12px; font-weight: 700; padding: 1px 6px; border-radius: 10px; color: #fff; }
        .badge.pass { background: #1a7f37; }
        .badge.fail { background: #cf222e; }
        h1 { font-size: 22px; margin: 0 0 4px; }
        h2 { font-size: 17px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 20px 0 6px; }
        .verdict { padding: 12px 16px; border-radius: 6px; margin-bottom: 16px; }
        .verdict.pass { background: #dafbe1; border: 1px solid #4ac26b; }
        .verdict.fail { background: #ffebe9; border: 1px solid #ff8182; }
        .meta { color: #59636e; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; font-variant-numeric: tabular-nums; }
        th, td { border: 1px solid #d0d7de; padding: 4px 7px; text-align: left; vertical-align: top; }
        th { background: #f6f8fa; font-weight: 600; }
        td.n, th.n { text-align: right; white-space: nowrap; }
        .ok { color: #1a7f37; font-weight: 600; }
        .bad { color: #cf222e; font-weight: 600; }
        code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 13px; background: #f6f8fa; padding: 1px 4px; border-radius: 4px; }
        figure { margin: 8px 0 14px; border: 1px solid #d0d7de; border-radius: 6px; padding: 6px; }
        svg.chart { width: 100%; height: auto; display: block; }
        svg .title { font-size: 13px; font-weight: 600; fill: #1f2328; }
        svg .tick, svg .legend { font-size: 11px; fill: #59636e; }
        svg .legend { fill: #1f2328; }
        svg .plot { fill: #fff; stroke: #d0d7de; }
        svg .grid { stroke: #eaeef2; }
        svg .axis { stroke: #8c959f; }
        svg .line { fill: none; stroke-width: 1.6; stroke-linejoin: round; }
        svg .fault { fill: #cf222e; fill-opacity: 0.12; stroke: #cf222e; stroke-opacity: 0.35; }
        svg .fault-label { font-size: 10px; fill: #a40e26; }
        .note { color: #59636e; font-size: 13px; }
        """;

    /// <summary>Renders the report as a self-contained HTML page.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The HTML text.</returns>
    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<title>{E(report.Scenario)} — {(report.Passed ? "passed" : "failed")}</title>\n");
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n<main>\n");

        Header(html, report);
        Thresholds(html, report);
        Summary(html, report);
        Faults(html, report);
        Ledger(html, report);
        foreach (var workload in report.Workloads)
        {
            Workload(html, report, workload);
        }

        html.Append("<h2>How to read this report</h2>\n<p class=\"note\">Latency is measured from each iteration's <em>intended</em> start ");
        html.Append("(corrected for coordinated omission: waiting for a busy system counts) over iterations that completed OK; ");
        html.Append("\"uncorrected\" is from the moment the request was actually sent. Open-model workloads schedule arrivals at a fixed ");
        html.Append("rate and <em>drop</em> those that cannot start on time rather than delaying them; the achieved rate is the target ");
        html.Append("times the share not dropped. Error rate is (failed + unknown) / (ok + failed + unknown); unknown outcomes (timeouts) ");
        html.Append("are never counted as lost writes. Charts plot one point per second; shaded bands are fault windows. ");
        html.Append("— means the run did not measure the figure. Rendered from <code>report.json</code>.</p>\n");
        html.Append("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Renders the report and writes it to <paramref name="path"/>, creating its folder when needed.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static Task WriteAsync(LoadReport report, string path, CancellationToken cancellationToken)
    {
        ReportJson.CreateFolderOf(path);
        return File.WriteAllTextAsync(path, Render(report), new UTF8Encoding(false), cancellationToken);
    }

    private static void Header(StringBuilder html, LoadReport report)
    {
        int failed = report.Thresholds.Count(t => !t.Passed);
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"verdict {(report.Passed ? "pass" : "fail")}\">\n");
        html.Append(CultureInfo.InvariantCulture, $"<h1>{Badge(report.Passed, "PASSED", "FAILED")} {E(report.Scenario)}</h1>\n");
        html.Append("<div class=\"meta\">");
        html.Append(report.Thresholds.Count == 0
            ? "no thresholds"
            : string.Create(CultureInfo.InvariantCulture, $"{report.Thresholds.Count - failed} of {report.Thresholds.Count} thresholds passed"));
        if (report.Cancelled)
        {
            html.Append(" · <strong>cancelled early</strong>: figures cover a shorter window");
        }

        html.Append("</div>\n</div>\n");
        html.Append("<nav><a href=\"#thresholds\">thresholds</a><a href=\"#workloads\">workloads</a><a href=\"#faults\">faults</a><a href=\"#ledger\">ledger</a>");
        foreach (var w in report.Workloads)
        {
            html.Append(CultureInfo.InvariantCulture, $"<a href=\"#{Anchor(w)}\">{E(w.Name)}@{E(w.Region)}</a>");
        }

        html.Append("</nav>\n<table>\n");
        Row(html, "topology", E(report.Topology));
        Row(html, "runtime", E(report.Runtime));
        Row(html, "started", E(report.StartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)) + " UTC");
        Row(html, "load duration", E(ReportFormat.Seconds(report.DurationSeconds)));
        Row(html, "machine", E(string.Create(CultureInfo.InvariantCulture, $"{report.Machine.Cores} cores · {report.Machine.Os ?? ReportFormat.NotMeasured}")));
        Row(html, "load engine runtime", E(report.Machine.Dotnet ?? ReportFormat.NotMeasured));
        html.Append("</table>\n");
    }

    private static void Thresholds(StringBuilder html, LoadReport report)
    {
        html.Append("<h2 id=\"thresholds\">Thresholds</h2>\n");
        if (report.Thresholds.Count == 0)
        {
            html.Append("<p>No thresholds.</p>\n");
            return;
        }

        html.Append("<table>\n<tr><th></th><th>threshold</th><th>actual</th></tr>\n");
        foreach (var t in report.Thresholds)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Badge(t.Passed, "✓ pass", "✗ fail")}</td><td><code>{E(t.Expression)}</code></td><td>{E(t.Actual)}</td></tr>\n");
        }

        html.Append("</table>\n");
    }

    private static void Summary(StringBuilder html, LoadReport report)
    {
        html.Append("<h2 id=\"workloads\">Workloads</h2>\n");
        if (report.Workloads.Count == 0)
        {
            html.Append("<p>No workloads.</p>\n");
            return;
        }

        var tenants = report.Workloads.Any(w => w.Tenant is not null);
        html.Append("<div class=\"scroll\"><table class=\"wide\">\n<tr><th>workload</th><th>region</th>").Append(tenants ? "<th>tenant</th>" : "");
        html.Append("<th class=\"n\">target/s</th><th class=\"n\">achieved/s</th>");
        html.Append("<th class=\"n\">ok</th><th class=\"n\">failed</th><th class=\"n\">dropped</th><th class=\"n\">unknown</th><th class=\"n\">error rate</th>");
        html.Append("<th class=\"n\">p50</th><th class=\"n\">p90</th><th class=\"n\">p99</th><th class=\"n\">p99.9</th><th class=\"n\">max</th>");
        html.Append("<th class=\"n\">p99 uncorr.</th></tr>\n");
        foreach (var w in report.Workloads)
        {
            var l = w.LatencyMs;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{Anchor(w)}\">{E(w.Name)}</a></td><td>{E(w.Region)}</td>");
            if (tenants)
            {
                html.Append(CultureInfo.InvariantCulture, $"<td>{E(w.Tenant ?? "—")}</td>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{ReportFormat.Number(w.TargetRate)}</td><td class=\"n\">{ReportFormat.Number(w.AchievedRate)}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{w.Ok}</td><td class=\"n\">{w.Failed}</td><td class=\"n\">{w.Dropped}</td><td class=\"n\">{w.Unknown}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{ReportFormat.Percent(ReportFormat.ErrorRate(w.Ok, w.Failed, w.Unknown))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{E(ReportFormat.Ms(l?.P50))}</td><td class=\"n\">{E(ReportFormat.Ms(l?.P90))}</td><td class=\"n\">{E(ReportFormat.Ms(l?.P99))}</td>");
            html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{E(ReportFormat.Ms(l?.P999))}</td><td class=\"n\">{E(ReportFormat.Ms(l?.Max))}</td><td class=\"n\">{E(ReportFormat.Ms(w.LatencyUncorrectedMs?.P99))}</td></tr>\n");
        }

        html.Append("</table></div>\n");
    }

    private static void Faults(StringBuilder html, LoadReport report)
    {
        html.Append("<h2 id=\"faults\">Faults and failover</h2>\n");
        if (report.Faults.Count == 0)
        {
            html.Append("<p>No faults were injected.</p>\n");
        }
        else
        {
            html.Append("<table>\n<tr><th>fault</th><th>target</th><th class=\"n\">from</th><th class=\"n\">to</th><th class=\"n\">lasted</th></tr>\n");
            foreach (var f in report.Faults)
            {
                string end = f.EndedAtSeconds is { } e ? ReportFormat.Seconds(e) : "not healed";
                string lasted = f.EndedAtSeconds is { } e2 ? ReportFormat.Seconds(e2 - f.StartedAtSeconds) : ReportFormat.NotMeasured;
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Kind)}</td><td>{E(f.Target)}</td><td class=\"n\">{E(ReportFormat.Seconds(f.StartedAtSeconds))}</td><td class=\"n\">{E(end)}</td><td class=\"n\">{E(lasted)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (report.Failover is { } failover)
        {
            FailoverSection.Render(html, failover, report.DurationSeconds, report.Faults);
        }
        else
        {
            html.Append("<p>No failover was measured.</p>\n");
        }
    }

    private static void Ledger(StringBuilder html, LoadReport report)
    {
        var ledger = report.Ledger;
        html.Append("<h2 id=\"ledger\">Ledger of acknowledged writes</h2>\n<table>\n");
        Row(html, "acknowledged", ledger.Acknowledged.ToString(CultureInfo.InvariantCulture));
        Row(html, "lost (acknowledged, absent from the surviving primary)", ledger.Lost is { } lost
            ? string.Create(CultureInfo.InvariantCulture, $"<span class=\"{(lost == 0 ? "ok" : "bad")}\">{lost}</span>")
            : "not checked");
        Row(html, "unknown outcomes (never counted as lost or kept)", ledger.Unknown.ToString(CultureInfo.InvariantCulture));
        html.Append("</table>\n");
        Servers(html, report);
    }

    /// <summary>The transactions each region's Odoo servers ran again: latency without errors, explained.</summary>
    private static void Servers(StringBuilder html, LoadReport report)
    {
        if (report.Servers is not { Count: > 0 } servers)
        {
            return;
        }

        html.Append("<h3>Transaction retries, from the Odoo servers' logs</h3>\n<table>\n<tr><th>region</th><th>retried</th><th>out of tries</th></tr>\n");
        foreach (var s in servers)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(s.Region)}</td><td>{s.TransactionRetries}</td><td>{s.RetriesExhausted}</td></tr>\n");
        }

        html.Append("</table>\n<p class=\"note\">A retried call is not an error to the client, only a slower answer: serialization failures, ");
        html.Append("deadlocks and lock timeouts that Odoo rolled back and ran again after a random back-off.</p>\n");
    }

    private static void Workload(StringBuilder html, LoadReport report, WorkloadReport w)
    {
        html.Append(CultureInfo.InvariantCulture, $"<h2 id=\"{Anchor(w)}\">{E(w.Name)} @ {E(w.Region)}</h2>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(w.Model ?? "model not recorded")} · {w.Started} started");
        if (w.Arrivals > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $" of {w.Arrivals} arrivals ({w.DroppedBy.NoFreeVirtualUser} dropped for want of a virtual user, {w.DroppedBy.LateStart} reached too late)");
        }

        html.Append(CultureInfo.InvariantCulture, $" · {w.Acknowledged} acknowledged writes · sent {E(ReportFormat.Bytes(w.BytesSent))}, received {E(ReportFormat.Bytes(w.BytesReceived))}");
        if (w.StartLatenessMs is { } lateness)
        {
            html.Append(CultureInfo.InvariantCulture, $" · scheduler start lateness p99 {E(ReportFormat.Ms(lateness.P99))}, max {E(ReportFormat.Ms(lateness.Max))}");
        }

        html.Append("</p>\n");
        var intervals = w.Intervals;
        double seconds = Math.Max(report.DurationSeconds, intervals.Count == 0 ? 0 : intervals.Max(i => i.Second) + 1);
        var faults = report.Faults;
        if (intervals.Count == 0)
        {
            html.Append("<p>No per-second timeline was recorded.</p>\n");
        }
        else
        {
            static double X(IntervalSnapshot i) => i.Second + 0.5;
            html.Append("<figure>").Append(new SvgChart($"{w.Name}@{w.Region} — latency from intended start", "ms", seconds, faults)
                .Add("p50", "#0969da", intervals.Select(i => (X(i), i.P50Ms)))
                .Add("p99", "#bc4c00", intervals.Select(i => (X(i), i.P99Ms)))
                .Render()).Append("</figure>\n");

            var throughput = new SvgChart($"{w.Name}@{w.Region} — throughput (iterations ending each second)", "per s", seconds, faults)
                .Add("ok", "#1a7f37", intervals.Select(i => (X(i), (double?)i.Ok)))
                .Add("failed", "#cf222e", intervals.Select(i => (X(i), (double?)i.Failed)))
                .Add("unknown", "#9a6700", intervals.Select(i => (X(i), (double?)i.Unknown)))
                .Add("dropped", "#8250df", intervals.Select(i => (X(i), (double?)i.Dropped)));
            if (intervals.Any(i => i.Arrivals > 0))
            {
                throughput.Add("arrivals (target)", "#6e7781", intervals.Select(i => (X(i), (double?)i.Arrivals)), dashed: true);
            }

            html.Append("<figure>").Append(throughput.Render()).Append("</figure>\n");
            html.Append("<figure>").Append(new SvgChart($"{w.Name}@{w.Region} — error rate ((failed + unknown) / ended)", "%", seconds, faults)
                .Add("error rate", "#cf222e", intervals.Select(i => (X(i), ReportFormat.ErrorRate(i.Ok, i.Failed, i.Unknown) * 100)))
                .Render()).Append("</figure>\n");
        }

        if (w.WindowedLatencyMs.Count > 0)
        {
            html.Append("<h3>Latency over sliding windows (worst and best window)</h3>\n<table>\n<tr><th>window</th><th class=\"n\">windows</th><th>p50</th><th>p99</th><th>max</th></tr>\n");
            foreach (var window in w.WindowedLatencyMs)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{window.WindowSeconds} s</td><td class=\"n\">{window.Windows}</td><td>{Extremes(window.P50)}</td><td>{Extremes(window.P99)}</td><td>{Extremes(window.Max)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (w.ErrorKinds.Count > 0)
        {
            html.Append("<h3>Errors by kind</h3>\n<table>\n<tr><th>kind</th><th class=\"n\">count</th></tr>\n");
            foreach (var (kind, count) in w.ErrorKinds.OrderByDescending(p => p.Value))
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(kind)}</code></td><td class=\"n\">{count}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (w.Operations.Count > 0)
        {
            html.Append("<h3>Operations</h3>\n<table>\n<tr><th>operation</th><th class=\"n\">ok</th><th class=\"n\">failed</th><th class=\"n\">unknown</th>");
            html.Append("<th class=\"n\">p50</th><th class=\"n\">p99</th><th class=\"n\">max</th><th class=\"n\">p99 uncorrected</th><th>errors</th></tr>\n");
            foreach (var o in w.Operations)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td><code>{E(o.Name)}</code></td><td class=\"n\">{o.Ok}</td><td class=\"n\">{o.Failed}</td><td class=\"n\">{o.Unknown}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{E(ReportFormat.Ms(o.LatencyMs?.P50))}</td><td class=\"n\">{E(ReportFormat.Ms(o.LatencyMs?.P99))}</td><td class=\"n\">{E(ReportFormat.Ms(o.LatencyMs?.Max))}</td>");
                html.Append(CultureInfo.InvariantCulture, $"<td class=\"n\">{E(ReportFormat.Ms(o.LatencyUncorrectedMs?.P99))}</td><td>{E(string.Join(", ", o.ErrorKinds.Select(p => $"{p.Key} ×{p.Value}")))}</td></tr>\n");
            }

            html.Append("</table>\n");
        }
    }

    private static string Extremes(WindowExtremes? extremes)
        => extremes is null
            ? ReportFormat.NotMeasured
            : E($"worst {ReportFormat.Ms(extremes.Max)} (window from {ReportFormat.Clock(extremes.MaxFromSecond)}) · best {ReportFormat.Ms(extremes.Min)}");

    private static string Badge(bool passed, string pass, string fail)
        => passed ? $"<span class=\"badge pass\">{E(pass)}</span>" : $"<span class=\"badge fail\">{E(fail)}</span>";

    private static string Anchor(WorkloadReport w)
        => "w-" + new string([.. $"{w.Name}-{w.Region}".Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]);

    private static void Row(StringBuilder html, string name, string valueHtml)
        => html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(name)}</th><td>{valueHtml}</td></tr>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
