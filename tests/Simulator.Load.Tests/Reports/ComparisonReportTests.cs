using Simulator.Load.Reports;
using Simulator.Load.Reports.Comparison;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Reports;

public sealed class ComparisonReportTests
{
    private static (ComparisonReport Comparison, LoadReport[] Reports) TwoTopologies()
    {
        var first = SampleReport.Build();
        var second = first with
        {
            Topology = "warm-standby-dr",
            Passed = false,
            Failover = new FailoverReport(41.5, 40.2, "pg-eu-1", "pg-us-1", 3, false),
            Ledger = new LedgerReport(first.Ledger.Acknowledged, 3, first.Ledger.Unknown),
            Thresholds = [new ThresholdReport("failover.rto < 15s", "41.5s", false), new ThresholdReport("lost_writes == 0", "3", false)],
            Servers = [new ServerReport("eu", 2, 0), new ServerReport("us", 17, 1)],
        };
        var comparison = new ComparisonReport(
            first.Scenario, "native", first.Machine, first.StartedAt,
            [ComparedRun.Of(first, "single-primary-multi-replica/report.json", 9), ComparedRun.Of(second, "warm-standby-dr/report.json", 12)]);
        return (comparison, [first, second]);
    }

    [Fact]
    public void The_table_puts_each_topologys_figures_in_its_own_column()
    {
        var (comparison, _) = TwoTopologies();

        var rows = ComparisonTable.Rows(comparison).ToDictionary(r => r.Label, r => r.Cells);

        Assert.False(comparison.Passed);
        Assert.Equal(["failed (1)", "failed (2)"], rows["verdict"]);
        Assert.Equal(["9", "12"], rows["nodes"]);
        Assert.Equal(["9.4 s", "41.5 s"], rows["RTO"]);
        Assert.Equal(["0", "3"], rows["lost writes"]);
        Assert.Equal(["—", "eu 2 · us 17"], rows["transaction retries"]);
        Assert.Equal(["pg-eu-1 → pg-eu-2", "pg-eu-1 → pg-us-1"], rows["leader before → after"]);
        Assert.Equal(["order-import@eu", "warehouse-scan@apac"], comparison.WorkloadKeys());
        Assert.Equal(["1.21 s", "1.21 s"], rows["order-import@eu p99"]);
    }

    [Fact]
    public void Markdown_html_and_json_carry_the_same_runs()
    {
        var (comparison, reports) = TwoTopologies();

        var md = ComparisonMarkdown.Render(comparison);
        var html = ComparisonHtml.Render(comparison, reports);
        var back = ComparisonJson.Deserialize(ComparisonJson.Serialize(comparison));

        Assert.StartsWith("## ❌ primary-node-loss on `single-primary-multi-replica`, `warm-standby-dr`", md, StringComparison.Ordinal);
        Assert.Contains("| lost writes | 0 | 3 |", md, StringComparison.Ordinal);
        Assert.Contains("- `warm-standby-dr`: `failover.rto < 15s` — actual 41.5s", md, StringComparison.Ordinal);
        Assert.Contains("href=\"warm-standby-dr/report.html\"", html, StringComparison.Ordinal);
        // Two workloads, each with a latency and an error-rate chart holding one line per topology.
        Assert.Equal(4, CountOf(html, "<svg class=\"chart\""));
        Assert.Equal(4 * 2, CountOf(html, "class=\"legend\" x="));
        Assert.Equal(comparison.Runs.Select(r => (r.Topology, r.Passed, r.Ledger.Lost)), back.Runs.Select(r => (r.Topology, r.Passed, r.Ledger.Lost)));
        Assert.Equal(comparison.Runs[1].Workloads, back.Runs[1].Workloads);
        Assert.Contains("| transaction retries | — | eu 2 · us 17 |", md, StringComparison.Ordinal);
        Assert.Equal(comparison.Runs[1].Servers, back.Runs[1].Servers);
    }

    private static int CountOf(string text, string what)
    {
        int count = 0;
        for (int at = text.IndexOf(what, StringComparison.Ordinal); at >= 0; at = text.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
