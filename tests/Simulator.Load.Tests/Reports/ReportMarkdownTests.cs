using Simulator.Load.Reports;
using Simulator.Load.Reports.Thresholds;

namespace Simulator.Load.Tests.Reports;

public class ReportMarkdownTests
{
    [Fact]
    public void A_failing_run_renders_verdict_machine_workloads_thresholds_and_ledger()
    {
        var report = Support.Reports.Report(thresholds:
        [
            new ThresholdSpec("order-import.p99", ThresholdOperator.LessThan, 1500, ThresholdUnit.Milliseconds),
            new ThresholdSpec("lost_writes", ThresholdOperator.Equal, 0),
            new ThresholdSpec("failover.rto", ThresholdOperator.LessThan, 15, ThresholdUnit.Seconds),
        ]);

        string md = ReportMarkdown.Render(report);
        var lines = md.Split('\n');

        Assert.Equal("## ❌ primary-node-loss failed (1 of 3 thresholds)", lines[0]);
        Assert.Equal("Topology `single-primary-multi-replica` · runtime `native` · 2 cores · .NET 10.0.0 · 180 s from 2025-01-02 03:04:05 UTC", lines[2]);
        Assert.Contains("| workload | region | target/s | achieved/s | ok | failed | dropped | unknown | p50 | p90 | p99 | p99.9 | max | p99 uncorrected |", lines);
        Assert.Contains("| order-import | eu | 20 | 19.95 | 3580 | 10 | 8 | 2 | 45.1 ms | 121 ms | 880 ms | 1.40 s | 2.10 s | 400 ms |", lines);
        Assert.Contains("| ✅ | `order-import.p99 < 1500ms` | 880.25ms |", lines);
        Assert.Contains("| ✅ | `lost_writes == 0` | 0 |", lines);
        Assert.Contains("| ❌ | `failover.rto < 15s` | not measured |", lines);
        Assert.Contains("**Ledger:** 3580 acknowledged · 0 lost · 2 unknown outcomes (not counted as lost)", lines);
        Assert.Contains("**Faults:** kill leader at 60 s; partition apac at 120 s–150 s", lines);
        Assert.True(lines.Length < 30, "the summary must stay short enough for a PR comment");
    }

    [Fact]
    public void Workloads_with_a_tenant_add_a_tenant_column_to_the_markdown_and_html_and_keep_it_in_the_json()
    {
        var report = Support.Reports.Report(Support.Reports.Run(
            Support.Reports.Workload() with { Tenant = "globex" },
            Support.Reports.Workload() with { Name = "portal-browse" }));

        var lines = ReportMarkdown.Render(report).Split('\n');
        Assert.Contains("| workload | region | tenant | target/s | achieved/s | ok | failed | dropped | unknown | p50 | p90 | p99 | p99.9 | max | p99 uncorrected |", lines);
        Assert.Contains(lines, l => l.StartsWith("| order-import | eu | globex | 20 |", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("| portal-browse | eu | — | 20 |", StringComparison.Ordinal));
        Assert.Contains("<th>tenant</th>", ReportHtml.Render(report), StringComparison.Ordinal);
        Assert.Equal(["globex", null], ReportJson.Deserialize(ReportJson.Serialize(report)).Workloads.Select(w => w.Tenant));
        Assert.Equal("order-import@eu/globex", Simulator.Load.Reports.Comparison.WorkloadFigures.Of(report.Workloads[0]).Key);
    }

    [Fact]
    public void Transaction_retries_per_region_show_in_the_markdown_and_html_and_read_back_from_the_json()
    {
        var report = Support.Reports.Report() with { Servers = [new ServerReport("eu", 0, 0), new ServerReport("us", 25, 1)] };

        var lines = ReportMarkdown.Render(report).Split('\n');
        Assert.Contains("**Transaction retries** (concurrency failures the Odoo servers ran again, from their logs): eu 0 · us 25 (1 out of tries)", lines);
        var html = ReportHtml.Render(report);
        Assert.Contains("<tr><td>us</td><td>25</td><td>1</td></tr>", html, StringComparison.Ordinal);
        Assert.Equal(report.Servers, ReportJson.Deserialize(ReportJson.Serialize(report)).Servers);

        // Not counted (a run that had no topology's logs to read): no line, no table, and null in the JSON.
        var uncounted = Support.Reports.Report();
        Assert.DoesNotContain("Transaction retries", ReportMarkdown.Render(uncounted), StringComparison.Ordinal);
        Assert.DoesNotContain("Transaction retries", ReportHtml.Render(uncounted), StringComparison.Ordinal);
        Assert.Null(ReportJson.Deserialize(ReportJson.Serialize(uncounted)).Servers);
    }

    [Fact]
    public void A_passing_run_without_a_ledger_check_says_so_and_shows_unmeasured_latency_as_a_dash()
    {
        var report = Support.Reports.Report(Support.Reports.Run(Support.Reports.Workload(ok: 0, failed: 3, unknown: 1, measured: false)), lost: null);

        string md = ReportMarkdown.Render(report);

        Assert.StartsWith("## ✅ primary-node-loss passed\n", md, StringComparison.Ordinal);
        Assert.Contains("| order-import | eu | 20 | 19.95 | 0 | 3 | 8 | 1 | — | — | — | — | — | — |", md, StringComparison.Ordinal);
        Assert.Contains("No thresholds.", md, StringComparison.Ordinal);
        Assert.Contains("· lost not checked ·", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Failover_and_cancellation_are_shown_when_present()
    {
        var report = Support.Reports.Report(failover: new FailoverReport(9.5, null, "pg-1", "pg-2", 0, false)) with { Cancelled = true };

        string md = ReportMarkdown.Render(report);

        Assert.Contains("**cancelled early**", md, StringComparison.Ordinal);
        Assert.Contains("**Failover:** RTO 9.5 s · error window — · leader pg-1 → pg-2 · lost writes 0 · split brain no", md, StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_brain_shows_its_writes_and_window_in_markdown_and_html()
    {
        var failover = new FailoverReport(9.5, null, "pg-1", "pg-2", 0, true) { SplitBrainWrites = 3, SplitBrainFromSeconds = 13.5, SplitBrainToSeconds = 16.4 };
        var report = Support.Reports.Report(failover: failover);

        Assert.Contains("· split brain **yes** (3 writes, 13.5 s–16.4 s)", ReportMarkdown.Render(report), StringComparison.Ordinal);
        Assert.Contains("<span class=\"bad\">yes</span>: 3 writes, 13.5 s – 16.4 s", ReportHtml.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Pipes_in_names_do_not_break_the_table()
    {
        var report = Support.Reports.Report(Support.Reports.Run(Support.Reports.Workload("a|b")));

        Assert.Contains("| a\\|b | eu |", ReportMarkdown.Render(report), StringComparison.Ordinal);
    }
}
