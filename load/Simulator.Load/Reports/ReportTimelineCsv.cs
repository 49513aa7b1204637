using System.Globalization;
using System.Text;

namespace Simulator.Load.Reports;

/// <summary>
/// Renders <c>timeline.csv</c> from the report model: one row per second per workload and region, in second order
/// then plan order, with the header
/// <c>second,workload,region,count,ok,failed,dropped,unknown,p50_ms,p99_ms,started,arrivals,faults</c>.
/// <c>second</c> is the interval's start from the run's start; <c>count</c> is iterations that ended in it
/// (ok + failed + unknown); <c>p50_ms</c>/<c>p99_ms</c> are corrected latency of the OK ones, empty when there were
/// none. <c>faults</c> lists the faults active at any time during that second as <c>kind:target</c>, separated by
/// <c>;</c>, empty when none (so fault windows need no separate rows). RFC 4180 quoting, LF line ends, invariant
/// numbers.
/// </summary>
public static class ReportTimelineCsv
{
    /// <summary>The conventional file name inside a run's output folder.</summary>
    public const string FileName = "timeline.csv";

    /// <summary>The header row.</summary>
    public const string Header = "second,workload,region,count,ok,failed,dropped,unknown,p50_ms,p99_ms,started,arrivals,faults";

    /// <summary>Renders the timeline.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The CSV text, header first, ending with a newline.</returns>
    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder().Append(Header).Append('\n');
        var rows = report.Workloads
            .SelectMany((w, index) => w.Intervals.Select(i => (Workload: w, Index: index, Interval: i)))
            .OrderBy(r => r.Interval.Second)
            .ThenBy(r => r.Index);
        foreach (var (w, _, i) in rows)
        {
            string faults = string.Join(';', report.Faults.Where(f => ReportFormat.ActiveIn(f, i.Second)).Select(f => $"{f.Kind}:{f.Target}"));
            csv.Append(CultureInfo.InvariantCulture, $"{i.Second},{Field(w.Name)},{Field(w.Region)},{i.Count},{i.Ok},{i.Failed},{i.Dropped},{i.Unknown},");
            csv.Append(CultureInfo.InvariantCulture, $"{Ms(i.P50Ms)},{Ms(i.P99Ms)},{i.Started},{i.Arrivals},{Field(faults)}\n");
        }

        return csv.ToString();
    }

    /// <summary>Renders the timeline and writes it to <paramref name="path"/>, creating its folder when needed.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static Task WriteAsync(LoadReport report, string path, CancellationToken cancellationToken)
    {
        ReportJson.CreateFolderOf(path);
        return File.WriteAllTextAsync(path, Render(report), new UTF8Encoding(false), cancellationToken);
    }

    private static string Ms(double? value) => value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : string.Empty;

    private static string Field(string text)
        => text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
