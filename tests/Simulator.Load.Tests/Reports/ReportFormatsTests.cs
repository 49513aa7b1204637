using System.Globalization;
using System.Xml.Linq;
using Simulator.Load.Reports;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Reports;

public sealed class ReportFormatsTests : IDisposable
{
    private static readonly LoadReport Sample = SampleReport.Build();

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sim-reports-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void JUnit_has_one_testcase_per_threshold_and_a_failure_with_actual_and_expected()
    {
        var xml = XDocument.Parse(ReportJUnit.Render(Sample));

        var suites = xml.Root!;
        Assert.Equal("testsuites", suites.Name.LocalName);
        var suite = Assert.Single(suites.Elements("testsuite"));
        var cases = suite.Elements("testcase").ToList();
        Assert.Equal(Sample.Thresholds.Select(t => t.Expression), cases.Select(c => (string)c.Attribute("name")!));
        Assert.All(cases, c => Assert.Equal("sim.primary-node-loss", (string)c.Attribute("classname")!));
        Assert.Equal(Sample.Thresholds.Count.ToString(CultureInfo.InvariantCulture), (string)suite.Attribute("tests")!);
        Assert.Equal("1", (string)suite.Attribute("failures")!);
        Assert.Equal("1", (string)suites.Attribute("failures")!);

        var failed = Assert.Single(cases, c => c.Element("failure") is not null);
        var failure = failed.Element("failure")!;
        Assert.Equal("warehouse-scan.error_rate < 1% over any 30s window", (string)failed.Attribute("name")!);
        Assert.Equal("actual 5.714% (worst 30s window 120s–150s), expected warehouse-scan.error_rate < 1% over any 30s window", (string)failure.Attribute("message")!);
        Assert.Equal("threshold", (string)failure.Attribute("type")!);
        Assert.Contains("actual:   5.714%", failure.Value, StringComparison.Ordinal);
        Assert.Equal("native", suite.Element("properties")!.Elements("property").Single(p => (string)p.Attribute("name")! == "runtime").Attribute("value")!.Value);
    }

    [Fact]
    public void JUnit_stays_valid_xml_whatever_the_scenario_and_threshold_text()
    {
        var report = Sample with
        {
            Scenario = "a<b & \"c\"\u0001",
            Thresholds = [new ThresholdReport("x.p99 < 5ms & y > 'z'\u0007", "<9ms>", false)],
            Passed = false,
        };

        var xml = XDocument.Parse(ReportJUnit.Render(report));

        var testcase = xml.Descendants("testcase").Single();
        Assert.Equal("x.p99 < 5ms & y > 'z'", (string)testcase.Attribute("name")!);
        Assert.Equal("actual <9ms>, expected x.p99 < 5ms & y > 'z'", (string)testcase.Element("failure")!.Attribute("message")!);
    }

    [Fact]
    public void Html_is_self_contained()
    {
        string html = ReportHtml.Render(Sample);

        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        foreach (string external in new[] { "http://", "https://", "src=", "<link", "<script", "url(", "@import", "<iframe", "<img" })
        {
            Assert.DoesNotContain(external, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Equal(6, html.Split("<svg ").Length - 1); // latency, throughput and error rate for each of two workloads
        Assert.Equal(12, html.Split("class=\"fault\"").Length - 1); // two fault windows shaded in each chart
        Assert.Contains("FAILED", html, StringComparison.Ordinal);
        foreach (var threshold in Sample.Thresholds)
        {
            Assert.Contains(System.Net.WebUtility.HtmlEncode(threshold.Expression), html, StringComparison.Ordinal);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(threshold.Actual), html, StringComparison.Ordinal);
        }

        Assert.Contains("2 cores", html, StringComparison.Ordinal);
        Assert.Contains(".NET 10.0.0", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_shows_unmeasured_figures_as_a_dash_and_copes_with_an_empty_run()
    {
        var empty = Sample with
        {
            Workloads = [Sample.Workloads[0] with { LatencyMs = null, LatencyUncorrectedMs = null, Intervals = [], Operations = [], ErrorKinds = new Dictionary<string, long>() }],
            Faults = [],
            Failover = null,
            Ledger = new LedgerReport(0, null, 0),
        };

        string html = ReportHtml.Render(empty);

        Assert.Contains("<td class=\"n\">—</td>", html, StringComparison.Ordinal);
        Assert.Contains("No per-second timeline was recorded.", html, StringComparison.Ordinal);
        Assert.Contains("not checked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg ", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_csv_has_one_row_per_second_per_workload_with_active_faults()
    {
        string csv = ReportTimelineCsv.Render(Sample);

        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.Equal(ReportTimelineCsv.Header, lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(Sample.Workloads.Sum(w => w.Intervals.Count), rows.Count);
        Assert.All(rows, r => Assert.Equal(13, r.Length));
        Assert.Equal(["0", "order-import", "eu"], rows[0][..3]);
        Assert.Equal(["0", "warehouse-scan", "apac"], rows[1][..3]);
        Assert.Equal(Enumerable.Range(0, 180).SelectMany(s => new[] { s, s }), rows.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)));

        string FaultsAt(int second) => rows.First(r => r[0] == second.ToString(CultureInfo.InvariantCulture))[12];
        Assert.Equal("", FaultsAt(59));
        Assert.Equal("kill:leader", FaultsAt(60));
        Assert.Equal("kill:leader", FaultsAt(61)); // healed at 61.2 s
        Assert.Equal("", FaultsAt(62));
        Assert.Equal("partition:apac", FaultsAt(149));
        Assert.Equal("", FaultsAt(150));

        var first = Sample.Workloads[0].Intervals[0];
        Assert.Equal(first.Count.ToString(CultureInfo.InvariantCulture), rows[0][3]);
        Assert.Equal(first.P99Ms!.Value, double.Parse(rows[0][9], CultureInfo.InvariantCulture), 3);
    }

    [Fact]
    public async Task WriteAll_writes_five_reports_that_agree_with_the_model()
    {
        var paths = await ReportWriter.WriteAllAsync(Sample, _folder, CancellationToken.None);

        Assert.Equal(["report.json", "report.md", "report.html", "junit.xml", "timeline.csv"], paths.Select(Path.GetFileName));
        Assert.All(paths, p => Assert.True(new FileInfo(p).Length > 0, p));

        var json = await ReportJson.ReadAsync(paths[0], CancellationToken.None);
        Assert.Equal(ReportJson.Serialize(Sample), ReportJson.Serialize(json));

        // Everything else is rendered from the report read back: the files are what rendering it gives.
        Assert.Equal(ReportMarkdown.Render(json), await File.ReadAllTextAsync(paths[1]));
        Assert.Equal(ReportHtml.Render(json), await File.ReadAllTextAsync(paths[2]));
        Assert.Equal(ReportJUnit.Render(json), await File.ReadAllTextAsync(paths[3]));
        Assert.Equal(ReportTimelineCsv.Render(json), await File.ReadAllTextAsync(paths[4]));

        // And they agree with each other on the verdicts and the timeline.
        var junit = XDocument.Load(paths[3]);
        string md = await File.ReadAllTextAsync(paths[1]);
        foreach (var threshold in json.Thresholds)
        {
            var testcase = junit.Descendants("testcase").Single(c => (string)c.Attribute("name")! == threshold.Expression);
            Assert.Equal(threshold.Passed, testcase.Element("failure") is null);
            Assert.Contains($"`{threshold.Expression}`", md, StringComparison.Ordinal);
        }

        var csvRows = (await File.ReadAllLinesAsync(paths[4])).Skip(1).ToList();
        Assert.Equal(json.Workloads.Sum(w => w.Intervals.Count), csvRows.Count);
        Assert.Equal(json.Workloads.Sum(w => w.Intervals.Sum(i => i.Ok)), csvRows.Sum(r => long.Parse(r.Split(',')[4], CultureInfo.InvariantCulture)));
    }
}
