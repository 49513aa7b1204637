using System.Text.Json;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Thresholds;

namespace Simulator.Load.Tests.Reports;

public class ReportJsonTests
{
    private static readonly LoadReport Report = Support.Reports.Report(
        thresholds: [new ThresholdSpec("order-import.p99", ThresholdOperator.LessThan, 1500, ThresholdUnit.Milliseconds)]);

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(p => p.Name)];

    [Fact]
    public void Top_level_keys_are_the_design_contract()
    {
        using var json = JsonDocument.Parse(ReportJson.Serialize(Report));
        var root = json.RootElement;

        Assert.Equal(
            ["scenario", "topology", "runtime", "machine", "startedAt", "durationSeconds", "passed", "workloads", "faults", "ledger", "failover", "thresholds"],
            Keys(root).Where(k => k is not "cancelled" and not "servers"));
        Assert.Equal("primary-node-loss", root.GetProperty("scenario").GetString());
        Assert.Equal("single-primary-multi-replica", root.GetProperty("topology").GetString());
        Assert.Equal("native", root.GetProperty("runtime").GetString());
        Assert.Equal(2, root.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.Equal("2025-01-02T03:04:05+00:00", root.GetProperty("startedAt").GetString());
        Assert.Equal(180, root.GetProperty("durationSeconds").GetDouble());
        Assert.True(root.GetProperty("passed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("failover").ValueKind);
    }

    [Fact]
    public void Workload_entries_carry_the_contract_fields()
    {
        using var json = JsonDocument.Parse(ReportJson.Serialize(Report));
        var workload = json.RootElement.GetProperty("workloads")[0];

        string[] required = ["name", "region", "targetRate", "achievedRate", "ok", "failed", "dropped", "unknown", "latencyMs", "latencyUncorrectedMs"];
        Assert.Equal(required, Keys(workload).Take(required.Length));
        Assert.Equal(["p50", "p90", "p99", "p999", "max"], Keys(workload.GetProperty("latencyMs")));
        Assert.Equal(["p50", "p90", "p99", "p999", "max"], Keys(workload.GetProperty("latencyUncorrectedMs")));
        Assert.Equal(880.25, workload.GetProperty("latencyMs").GetProperty("p99").GetDouble());
        Assert.Equal(20, workload.GetProperty("targetRate").GetDouble());
        Assert.Equal(8, workload.GetProperty("dropped").GetInt64());
        Assert.Equal(10, workload.GetProperty("errorKinds").GetProperty("odoo.exceptions.ValidationError").GetInt64());
        Assert.Equal(["name", "ok", "failed", "unknown", "latencyMs", "latencyUncorrectedMs", "errorKinds"], Keys(workload.GetProperty("operations")[0]));
        Assert.Equal(10, workload.GetProperty("operations")[0].GetProperty("errorKinds").GetProperty("validation").GetInt64());
        Assert.Equal(
            ["second", "count", "ok", "failed", "dropped", "unknown", "started", "arrivals", "p50Ms", "p99Ms"],
            Keys(workload.GetProperty("intervals")));
        Assert.Equal([0, 1], workload.GetProperty("intervals").GetProperty("second").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([40.5, 42], workload.GetProperty("intervals").GetProperty("p50Ms").EnumerateArray().Select(e => e.GetDouble()));
        Assert.Equal(
            ["model", "arrivals", "startLatenessMs", "bytesSent", "bytesReceived", "windowedLatencyMs"],
            Keys(workload).SkipWhile(k => k != "model"));
        Assert.Equal(123456, workload.GetProperty("bytesSent").GetInt64());
        Assert.Equal(["noFreeVirtualUser", "lateStart"], Keys(workload.GetProperty("droppedBy")));
    }

    [Fact]
    public void The_timeline_is_written_one_line_per_column_and_reads_back()
    {
        var intervals = Enumerable.Range(0, 1800)
            .Select(s => new Load.Measurement.IntervalSnapshot(s, 20, 19, 1, 0, 0, s % 7 == 0 ? null : 40.5 + s, 90.125) { Started = 20, Arrivals = 20 })
            .ToList();
        var report = Support.Reports.Report(Support.Reports.Run(Support.Reports.Workload() with { Intervals = intervals }));

        string json = ReportJson.Serialize(report);
        var read = ReportJson.Deserialize(json);

        Assert.Equal(intervals, read.Workloads[0].Intervals);
        Assert.InRange(json.Split('\n').Length, 10, 150);
        Assert.True(json.Length < 150_000, $"a 30-minute timeline took {json.Length} characters");
    }

    [Fact]
    public void Faults_ledger_and_thresholds_carry_the_contract_fields()
    {
        using var json = JsonDocument.Parse(ReportJson.Serialize(Report));
        var root = json.RootElement;

        Assert.Equal(["kind", "target", "startedAtSeconds", "endedAtSeconds"], Keys(root.GetProperty("faults")[0]));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("faults")[0].GetProperty("endedAtSeconds").ValueKind);
        Assert.Equal(["acknowledged", "lost", "unknown"], Keys(root.GetProperty("ledger")));
        Assert.Equal(["expression", "actual", "passed"], Keys(root.GetProperty("thresholds")[0]));
        Assert.Equal("order-import.p99 < 1500ms", root.GetProperty("thresholds")[0].GetProperty("expression").GetString());
        Assert.Contains("\"expression\": \"order-import.p99 < 1500ms\"", ReportJson.Serialize(Report), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fault_that_failed_to_apply_carries_its_error_and_reads_back()
    {
        var report = Report with { Faults = [new FaultReport("kill", "eu-pg-2", 3.5, null) { Error = "eu-pg-2 has no running process." }] };

        using var json = JsonDocument.Parse(ReportJson.Serialize(report));
        var fault = json.RootElement.GetProperty("faults")[0];

        Assert.Equal(["kind", "target", "startedAtSeconds", "endedAtSeconds", "error"], Keys(fault));
        Assert.Equal("eu-pg-2 has no running process.", fault.GetProperty("error").GetString());
        Assert.Equal(report.Faults, ReportJson.Deserialize(ReportJson.Serialize(report)).Faults);
        Assert.Contains("kill eu-pg-2 at 3.5 s (**failed**: eu-pg-2 has no running process.)", ReportMarkdown.Render(report), StringComparison.Ordinal);
    }

    [Fact]
    public void Failover_when_present_has_the_contract_fields()
    {
        var report = Support.Reports.Report(failover: new FailoverReport(9.5, 7, "pg-1", "pg-2", 0, false));
        using var json = JsonDocument.Parse(ReportJson.Serialize(report));

        // The contract's fields first; the details after them (events, regions, origins, lag) are additions.
        Assert.Equal(
            ["rtoSeconds", "errorWindowSeconds", "oldLeader", "newLeader", "lostWrites", "splitBrain"],
            Keys(json.RootElement.GetProperty("failover")).Take(6));
    }

    [Fact]
    public void Unmeasured_figures_are_written_as_null_not_zero()
    {
        var report = Support.Reports.Report(Support.Reports.Run(Support.Reports.Workload(ok: 0, measured: false, achievedRate: null)), lost: null);
        using var json = JsonDocument.Parse(ReportJson.Serialize(report));
        var workload = json.RootElement.GetProperty("workloads")[0];

        Assert.Equal(JsonValueKind.Null, workload.GetProperty("latencyMs").ValueKind);
        Assert.Equal(JsonValueKind.Null, workload.GetProperty("achievedRate").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("ledger").GetProperty("lost").ValueKind);
    }

    [Fact]
    public async Task A_written_report_reads_back_the_same()
    {
        string path = Path.Combine(Path.GetTempPath(), "sim-report-" + Guid.NewGuid().ToString("N"), ReportJson.FileName);
        try
        {
            await ReportJson.WriteAsync(Report, path, CancellationToken.None);
            var read = await ReportJson.ReadAsync(path, CancellationToken.None);

            Assert.Equal(ReportJson.Serialize(Report), ReportJson.Serialize(read));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void Passed_is_false_when_any_threshold_fails()
    {
        var report = Support.Reports.Report(thresholds:
        [
            new ThresholdSpec("order-import.p99", ThresholdOperator.LessThan, 1500, ThresholdUnit.Milliseconds),
            new ThresholdSpec("lost_writes", ThresholdOperator.Equal, 0),
            new ThresholdSpec("order-import.p50", ThresholdOperator.LessThan, 10, ThresholdUnit.Milliseconds),
        ]);

        Assert.False(report.Passed);
        Assert.Equal([true, true, false], report.Thresholds.Select(t => t.Passed));
    }
}
