using System.Globalization;
using System.Text;

namespace Simulator.Load.Reports;

/// <summary>
/// Renders <c>report.md</c> from the report model: a compact summary that fits a pull-request comment — verdict,
/// machine and runtime, one table row per workload, the thresholds, the ledger. A figure the run did not measure
/// is shown as "—", never as a number.
/// </summary>
public static class ReportMarkdown
{
    /// <summary>The conventional file name inside a run's output folder.</summary>
    public const string FileName = "report.md";

    private const string NotMeasured = "—";

    /// <summary>Renders the report as Markdown.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The Markdown text, ending with a newline.</returns>
    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        int failed = report.Thresholds.Count(t => !t.Passed);
        string verdict = report.Passed
            ? $"## ✅ {Escape(report.Scenario)} passed"
            : $"## ❌ {Escape(report.Scenario)} failed ({failed} of {report.Thresholds.Count} thresholds)";
        md.Append(verdict).Append('\n').Append('\n');

        md.Append(CultureInfo.InvariantCulture, $"Topology `{Escape(report.Topology)}` · runtime `{Escape(report.Runtime)}` · ");
        md.Append(CultureInfo.InvariantCulture, $"{report.Machine.Cores} cores");
        if (report.Machine.Dotnet is { } dotnet)
        {
            md.Append(CultureInfo.InvariantCulture, $" · {Escape(dotnet)}");
        }

        md.Append(CultureInfo.InvariantCulture, $" · {Number(report.DurationSeconds)} s from {report.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC");
        if (report.Cancelled)
        {
            md.Append(" · **cancelled early**");
        }

        md.Append('\n').Append('\n');

        if (report.Workloads.Count > 0)
        {
            var tenants = report.Workloads.Any(w => w.Tenant is not null);
            md.Append(tenants ? "| workload | region | tenant | target/s |" : "| workload | region | target/s |");
            md.Append(" achieved/s | ok | failed | dropped | unknown | p50 | p90 | p99 | p99.9 | max | p99 uncorrected |\n");
            md.Append(tenants ? "|---|---|---|--:|" : "|---|---|--:|");
            md.Append("--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
            foreach (var w in report.Workloads)
            {
                var l = w.LatencyMs;
                md.Append(CultureInfo.InvariantCulture, $"| {Escape(w.Name)} | {Escape(w.Region)} ");
                if (tenants)
                {
                    md.Append(CultureInfo.InvariantCulture, $"| {Escape(w.Tenant ?? "—")} ");
                }

                md.Append(CultureInfo.InvariantCulture, $"| {Number(w.TargetRate)} | {Number(w.AchievedRate)} ");
                md.Append(CultureInfo.InvariantCulture, $"| {w.Ok} | {w.Failed} | {w.Dropped} | {w.Unknown} ");
                md.Append(CultureInfo.InvariantCulture, $"| {Ms(l?.P50)} | {Ms(l?.P90)} | {Ms(l?.P99)} | {Ms(l?.P999)} | {Ms(l?.Max)} | {Ms(w.LatencyUncorrectedMs?.P99)} |\n");
            }

            md.Append('\n').Append("Latency is measured from each iteration's intended start (corrected for coordinated omission) over OK iterations; ")
              .Append("\"uncorrected\" is from the actual send. — = not measured.\n\n");
        }

        if (report.Thresholds.Count > 0)
        {
            md.Append("| | threshold | actual |\n|---|---|---|\n");
            foreach (var t in report.Thresholds)
            {
                md.Append(CultureInfo.InvariantCulture, $"| {(t.Passed ? "✅" : "❌")} | `{Escape(t.Expression)}` | {Escape(t.Actual)} |\n");
            }

            md.Append('\n');
        }
        else
        {
            md.Append("No thresholds.\n\n");
        }

        var ledger = report.Ledger;
        md.Append(CultureInfo.InvariantCulture, $"**Ledger:** {ledger.Acknowledged} acknowledged · ");
        md.Append(ledger.Lost is { } lost ? string.Create(CultureInfo.InvariantCulture, $"{lost} lost") : "lost not checked");
        md.Append(CultureInfo.InvariantCulture, $" · {ledger.Unknown} unknown outcome{(ledger.Unknown == 1 ? string.Empty : "s")} (not counted as lost)\n");

        if (report.Servers is { Count: > 0 } servers)
        {
            md.Append("\n**Transaction retries** (concurrency failures the Odoo servers ran again, from their logs): ");
            md.AppendJoin(" · ", servers.Select(s => string.Create(
                CultureInfo.InvariantCulture,
                $"{Escape(s.Region)} {s.TransactionRetries}{(s.RetriesExhausted > 0 ? $" ({s.RetriesExhausted} out of tries)" : string.Empty)}")));
            md.Append('\n');
        }

        if (report.Faults.Count > 0)
        {
            md.Append("\n**Faults:** ");
            md.AppendJoin("; ", report.Faults.Select(f => string.Create(
                CultureInfo.InvariantCulture,
                $"{Escape(f.Kind)} {Escape(f.Target)} at {Number(f.StartedAtSeconds)} s{(f.EndedAtSeconds is { } end ? $"–{Number(end)} s" : string.Empty)}{(f.Error is { } error ? $" (**failed**: {Escape(error)})" : string.Empty)}")));
            md.Append('\n');
        }

        if (report.Failover is { } failover)
        {
            md.Append(CultureInfo.InvariantCulture, $"\n**Failover:** RTO {Seconds(failover.RtoSeconds)} · error window {Seconds(failover.ErrorWindowSeconds)}");
            md.Append(CultureInfo.InvariantCulture, $" · leader {Escape(failover.OldLeader ?? NotMeasured)} → {Escape(failover.NewLeader ?? NotMeasured)}");
            md.Append(CultureInfo.InvariantCulture, $" · lost writes {(failover.LostWrites is { } w ? w.ToString(CultureInfo.InvariantCulture) : NotMeasured)}");
            md.Append(CultureInfo.InvariantCulture, $" · split brain {SplitBrain(failover)}\n");
            if (failover.Regions is { Count: > 0 } regions)
            {
                md.Append("\n| region | first failed | first ok after | RTO | error window | failed | unknown |\n|---|--:|--:|--:|--:|--:|--:|\n");
                foreach (var r in regions)
                {
                    md.Append(CultureInfo.InvariantCulture,
                        $"| {Escape(r.Region)} | {Seconds(r.FirstFailedSeconds)} | {Seconds(r.FirstOkAfterSeconds)} | {Seconds(r.RtoSeconds)} | {Seconds(r.ErrorWindowSeconds)} | {r.FailedWrites} | {r.UnknownWrites} |\n");
                }
            }
        }

        return md.ToString();
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

    private static string SplitBrain(FailoverReport failover) => failover.SplitBrain switch
    {
        null => NotMeasured,
        false => "no",
        true => string.Create(
            CultureInfo.InvariantCulture, $"**yes** ({failover.SplitBrainWrites} writes, {Seconds(failover.SplitBrainFromSeconds)}–{Seconds(failover.SplitBrainToSeconds)})"),
    };

    private static string Number(double? value)
        => value is { } v ? v.ToString(v >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture) : NotMeasured;

    private static string Ms(double? milliseconds) => milliseconds switch
    {
        null => NotMeasured,
        >= 1000 => (milliseconds.Value / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 100 => milliseconds.Value.ToString("0", CultureInfo.InvariantCulture) + " ms",
        _ => milliseconds.Value.ToString("0.#", CultureInfo.InvariantCulture) + " ms",
    };

    private static string Seconds(double? seconds)
        => seconds is { } s ? s.ToString("0.##", CultureInfo.InvariantCulture) + " s" : NotMeasured;

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
