using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Simulator.AppHost.Cli;
using Simulator.Load.Ledger;
using Simulator.Load.Reports;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// <c>sim run</c> as a process, the way CI runs it, on the real single-region topology: a workload whose
/// phases run a closed model, a pause and an open model, next to an <c>http</c> workload. One run checks the
/// exit code of a failed threshold, the live progress in a CI log, and that the five reports agree with
/// <c>report.json</c>.
/// </summary>
public sealed partial class RunReportsTests
{
    private static readonly string Sim = Path.Combine(AppContext.BaseDirectory, "sim.dll");

    [Fact]
    public async Task A_phased_run_exits_1_on_its_failed_threshold_and_its_five_reports_agree_with_report_json()
    {
        var output = Fixtures.TempFolder();
        var run = ProcessRunner.Run("dotnet", [Sim, "run", Fixtures.Path("phased-reports.yaml"), "--out", output], timeout: TimeSpan.FromMinutes(6));

        Assert.True(run.ExitCode == ExitCodes.ThresholdFailed, $"exit {run.ExitCode}:{Environment.NewLine}{run.Output}");
        Assert.Contains("  order-import@eu: constant-concurrency 2 users, think 100ms for 8s, then pause for 2s, then constant-rate 6/s for 10s", run.Output, StringComparison.Ordinal);
        Assert.Contains("Also judged: achieved_rate >= 95% (achieved-rate rule)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"\[10s of 20s, 10s left\] order-import@eu +\d+/s +p99", run.Output); // plain progress lines in a CI log
        Assert.Contains("## ❌ phased-reports failed (1 of 6 thresholds)", run.Output, StringComparison.Ordinal);
        foreach (var file in ReportWriter.FileNames.Append(LedgerWriter.FileName))
        {
            Assert.True(File.Exists(Path.Combine(output, file)), $"{file} is missing");
        }

        var report = await ReportJson.ReadAsync(Path.Combine(output, ReportJson.FileName), CancellationToken.None);
        CheckReportJson(report);
        CheckMarkdown(report, await File.ReadAllTextAsync(Path.Combine(output, ReportMarkdown.FileName)));
        CheckHtml(report, await File.ReadAllTextAsync(Path.Combine(output, ReportHtml.FileName)));
        CheckJUnit(report, XDocument.Load(Path.Combine(output, ReportJUnit.FileName)));
        CheckTimeline(report, await File.ReadAllLinesAsync(Path.Combine(output, ReportTimelineCsv.FileName)));

        var (folders, processes) = await LeftoverProcesses.AfterAsync(run.ProcessId, TimeSpan.FromSeconds(10));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    private static void CheckReportJson(LoadReport report)
    {
        Assert.Equal(("phased-reports", "single-region-ha", "native", false), (report.Scenario, report.Topology, report.Runtime, report.Passed));
        Assert.Equal(["order-import@eu", "health@eu"], report.Workloads.Select(w => $"{w.Name}@{w.Region}"));
        var orders = report.Workloads[0];
        var health = report.Workloads[1];
        Assert.True(orders.Ok > 0 && health.Ok > 0, $"ok: orders {orders.Ok}, health {health.Ok}");
        Assert.Equal(orders.Ok, report.Ledger.Acknowledged);
        Assert.Equal(0, report.Ledger.Lost);

        // The phases ran in order: two users looping without arrivals, nothing in the pause, then 6 arrivals a second.
        // (Seconds are closed by a timer that may fire a few ms late, so an arrival due at 10.000 s can count in second 9.)
        var closed = orders.Intervals.Where(i => i.Second < 8).ToList();
        Assert.True(closed.Sum(i => i.Started) >= 4, $"the closed phase started {closed.Sum(i => i.Started)} iterations");
        Assert.All(closed, i => Assert.Equal(0, i.Arrivals));
        Assert.Equal((0, 0), (orders.Intervals.Single(i => i.Second == 8).Started, orders.Intervals.Single(i => i.Second == 8).Arrivals));
        Assert.Equal(60, orders.Arrivals);
        Assert.All(orders.Intervals.Where(i => i.Second is >= 10 and < 19), i => Assert.InRange(i.Arrivals, 5, 7));
        Assert.Equal(3, orders.TargetRate!.Value, 6); // 6/s over the open phase's 10 s, averaged over the 20 s run
        Assert.Equal(5, health.TargetRate!.Value, 6);

        Assert.Equal(
            [
                ("order-import.error_rate < 1%", true),
                ("order-import.p99 < 10s over any 5s window", true),
                ("health.error_rate == 0%", true),
                ("lost_writes == 0", true),
                ("order-import.ok > 100000", false),
                ("achieved_rate >= 95% (achieved-rate rule)", true),
            ],
            report.Thresholds.Select(t => (t.Expression, t.Passed)));
        // The window was tracked during the run, not "not measured".
        Assert.Contains("5s window", report.Thresholds[1].Actual, StringComparison.Ordinal);
    }

    private static void CheckMarkdown(LoadReport report, string markdown)
    {
        foreach (var w in report.Workloads)
        {
            var cells = Row(markdown, $"| {w.Name} | {w.Region} |").Split('|', StringSplitOptions.TrimEntries)[1..^1];
            Assert.Equal([w.Ok, w.Failed, w.Dropped, w.Unknown], cells[4..8].Select(c => long.Parse(c, CultureInfo.InvariantCulture)));
            AssertSameMs(w.LatencyMs!.P50, cells[8]);
            AssertSameMs(w.LatencyMs.P99, cells[10]);
        }

        foreach (var t in report.Thresholds)
        {
            Assert.Contains($"| {(t.Passed ? "✅" : "❌")} | `{t.Expression}` | {t.Actual} |", markdown, StringComparison.Ordinal);
        }

        Assert.Contains($"**Ledger:** {report.Ledger.Acknowledged} acknowledged · 0 lost", markdown, StringComparison.Ordinal);
    }

    private static void CheckHtml(LoadReport report, string html)
    {
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch("(src|href)=\"https?:", html);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        foreach (var w in report.Workloads)
        {
            var row = Row(html, $"\">{w.Name}</a></td><td>{w.Region}</td>");
            var cells = HtmlNumberCell().Matches(row).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal([w.Ok, w.Failed, w.Dropped, w.Unknown], cells[2..6].Select(c => long.Parse(c, CultureInfo.InvariantCulture)));
            AssertSameMs(w.LatencyMs!.P50, cells[7]);
            AssertSameMs(w.LatencyMs.P99, cells[9]);
        }

        foreach (var t in report.Thresholds)
        {
            var verdict = t.Passed ? "✓ pass" : "✗ fail";
            Assert.Contains($"{Escape(verdict)}</span></td><td><code>{Escape(t.Expression)}</code></td><td>{Escape(t.Actual)}</td>", html, StringComparison.Ordinal);
        }
    }

    private static void CheckJUnit(LoadReport report, XDocument junit)
    {
        var cases = junit.Descendants("testcase").ToList();
        Assert.Equal(report.Thresholds.Select(t => t.Expression), cases.Select(c => (string)c.Attribute("name")!));
        Assert.Equal(
            report.Thresholds.Where(t => !t.Passed).Select(t => $"actual {t.Actual}, expected {t.Expression}"),
            cases.Select(c => c.Element("failure")).OfType<XElement>().Select(f => (string)f.Attribute("message")!));
        Assert.Equal("1", (string)junit.Root!.Attribute("failures")!);
    }

    private static void CheckTimeline(LoadReport report, string[] lines)
    {
        Assert.Equal("second,workload,region,count,ok,failed,dropped,unknown,p50_ms,p99_ms,started,arrivals,faults", lines[0]);
        var rows = lines[1..].Select(l => l.Split(',')).ToList();
        foreach (var w in report.Workloads)
        {
            var mine = rows.Where(r => r[1] == w.Name && r[2] == w.Region).ToList();
            long Sum(int column) => mine.Sum(r => long.Parse(r[column], CultureInfo.InvariantCulture));
            Assert.Equal((w.Ok, w.Failed, w.Dropped, w.Unknown, w.Started), (Sum(4), Sum(5), Sum(6), Sum(7), Sum(10)));
            Assert.Equal(w.Intervals.Select(i => i.Second), mine.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));
            Assert.Equal(
                w.Intervals.Select(i => i.P99Ms is { } p ? Math.Round(p, 3) : (double?)null),
                mine.Select(r => r[9].Length == 0 ? (double?)null : double.Parse(r[9], CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The one line of <paramref name="text"/> holding <paramref name="marker"/>.</summary>
    private static string Row(string text, string marker) =>
        Assert.Single(text.Split('\n'), l => l.Contains(marker, StringComparison.Ordinal));

    /// <summary>A latency as the reports print it ("12.3 ms", "1.20 s") is the report.json figure, rounded.</summary>
    private static void AssertSameMs(double? expected, string shown)
    {
        Assert.NotNull(expected);
        var match = Regex.Match(shown, @"^([0-9.]+) (ms|s)$");
        Assert.True(match.Success, $"`{shown}` is not a latency");
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * (match.Groups[2].Value == "s" ? 1000 : 1);
        Assert.InRange(value, expected.Value * 0.99 - 0.05, expected.Value * 1.01 + 0.05);
    }

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(text);

    [GeneratedRegex("<td class=\"n\">([^<]*)</td>")]
    private static partial Regex HtmlNumberCell();
}
