using System.Globalization;
using System.Net;
using System.Text;

namespace Simulator.Load.Reports.Html;

/// <summary>
/// The failover part of <c>report.html</c>: the headline figures, what each region's writers saw, the cluster's events
/// in order, and every replica's lag over the run (bytes and seconds), with the fault windows shaded.
/// </summary>
internal static class FailoverSection
{
    /// <summary>Appends the section for <paramref name="failover"/> of a run lasting <paramref name="seconds"/>.</summary>
    public static void Render(StringBuilder html, FailoverReport failover, double seconds, IReadOnlyList<FaultReport> faults)
    {
        html.Append("<table>\n");
        Row(html, "RTO (fault to first successful write, slowest region)", E(ReportFormat.Seconds(failover.RtoSeconds)));
        Row(html, "error window (longest region)", E(ReportFormat.Seconds(failover.ErrorWindowSeconds)));
        Row(html, "leader", E($"{failover.OldLeader ?? ReportFormat.NotMeasured} → {failover.NewLeader ?? ReportFormat.NotMeasured}"));
        Row(html, "leader lost / new elected / promoted", E(
            $"{ReportFormat.Seconds(failover.LeaderLostAtSeconds)} / {ReportFormat.Seconds(failover.NewLeaderElectedAtSeconds)} / {ReportFormat.Seconds(failover.NewLeaderPromotedAtSeconds)}"));
        Row(html, "old leader rejoined (after its restart)", E(ReportFormat.Seconds(failover.OldLeaderRejoinSeconds)));
        Row(html, "lost writes (RPO)", E(Count(failover.LostWrites)));
        Row(html, "recovered writes (outcome unknown, present)", E(Count(failover.RecoveredWrites)));
        Row(html, "split brain (writes acknowledged by two origins at once)", failover.SplitBrain switch
        {
            null => ReportFormat.NotMeasured,
            false => "no",
            true => $"<span class=\"bad\">yes</span>: {E(Count(failover.SplitBrainWrites))} writes, {E(ReportFormat.Seconds(failover.SplitBrainFromSeconds))} – {E(ReportFormat.Seconds(failover.SplitBrainToSeconds))}",
        });
        html.Append("</table>\n");

        if (failover.Regions is { Count: > 0 } regions)
        {
            html.Append("<h3>What each region's writers saw</h3>\n<table>\n<tr><th>region</th><th class=\"n\">last ok before</th><th class=\"n\">first failed</th>")
                .Append("<th class=\"n\">first ok after</th><th class=\"n\">RTO</th><th class=\"n\">error window</th><th class=\"n\">failed</th><th class=\"n\">unknown</th></tr>\n");
            foreach (var r in regions)
            {
                html.Append(CultureInfo.InvariantCulture,
                    $"<tr><td>{E(r.Region)}</td>{Cell(ReportFormat.Seconds(r.LastOkBeforeSeconds))}{Cell(ReportFormat.Seconds(r.FirstFailedSeconds))}{Cell(ReportFormat.Seconds(r.FirstOkAfterSeconds))}")
                    .Append(CultureInfo.InvariantCulture,
                    $"{Cell(ReportFormat.Seconds(r.RtoSeconds))}{Cell(ReportFormat.Seconds(r.ErrorWindowSeconds))}{Cell(Count(r.FailedWrites))}{Cell(Count(r.UnknownWrites))}</tr>\n");
            }

            html.Append("</table>\n");
        }

        if (failover.Events is { Count: > 0 } events)
        {
            html.Append("<h3>Cluster events</h3>\n<table>\n<tr><th class=\"n\">at</th><th>event</th><th>node</th></tr>\n");
            foreach (var e in events)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr>{Cell(ReportFormat.Seconds(e.AtSeconds))}<td>{E(e.Kind)}</td><td>{E(e.Node)}</td></tr>\n");
            }

            html.Append("</table>\n");
        }

        if (failover.ReplicationLag is { Count: > 0 } lag)
        {
            var bytes = new SvgChart("Replication lag — bytes behind the leader", "bytes", seconds, faults);
            var behind = new SvgChart("Replication lag — replay delay", "s", seconds, faults);
            var series = lag.Where(s => s.Node.Length > 0).ToList();
            for (var i = 0; i < series.Count; i++)
            {
                var s = series[i];
                bytes.Add(s.Node, ChartPalette.Of(i), s.Second.Select((x, k) => ((double)x, s.Bytes[k] is { } b ? (double?)b : null)));
                behind.Add(s.Node, ChartPalette.Of(i), s.Second.Select((x, k) => ((double)x, s.Seconds[k])));
            }

            html.Append("<figure>").Append(bytes.Render()).Append("</figure>\n");
            html.Append("<figure>").Append(behind.Render()).Append("</figure>\n");
        }
    }

    private static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? ReportFormat.NotMeasured;

    private static string Cell(string text) => $"<td class=\"n\">{E(text)}</td>";

    private static void Row(StringBuilder html, string name, string valueHtml)
        => html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(name)}</th><td>{valueHtml}</td></tr>\n");

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
