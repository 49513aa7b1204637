using Simulator.Load.Measurement;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Thresholds;

namespace Simulator.Load.Tests.Support;

/// <summary>Hand-made run results and reports for report tests.</summary>
internal static class Reports
{
    public static readonly ReportHeader Header = new("primary-node-loss", "single-primary-multi-replica", "native");

    public static readonly MachineInfo Machine = new(2, "Linux", ".NET 10.0.0");

    public static WorkloadResult Workload(
        string name = "order-import",
        string region = "eu",
        long ok = 3580,
        long failed = 10,
        long unknown = 2,
        long dropped = 8,
        double targetRate = 20,
        double? achievedRate = 19.95,
        LatencySummary? latency = null,
        LatencySummary? uncorrected = null,
        bool measured = true)
        => new(
            name,
            region,
            180,
            targetRate,
            achievedRate,
            ok + failed + unknown,
            ok,
            failed,
            unknown,
            dropped,
            dropped - 1,
            1,
            ok,
            measured ? latency ?? new LatencySummary(45.1, 120.5, 880.25, 1400, 2100) : null,
            measured ? uncorrected ?? new LatencySummary(44, 110, 400, 900, 2000) : null,
            new Dictionary<string, long> { ["odoo.exceptions.ValidationError"] = failed, ["timeout"] = unknown },
            [new OperationResult("import.create", ok, failed, unknown, new LatencySummary(20, 50, 300, 500, 700), new LatencySummary(19, 45, 200, 400, 650))
            {
                ErrorKinds = new Dictionary<string, long> { ["validation"] = failed },
            }],
            [new IntervalSnapshot(0, 20, 19, 1, 0, 0, 40.5, 90.1), new IntervalSnapshot(1, 20, 20, 0, 0, 0, 42, 95)])
        {
            Model = $"constant-rate {targetRate}/s",
            BytesSent = 123456,
            BytesReceived = 654321,
        };

    public static LoadRunResult Run(params WorkloadResult[] workloads)
        => new(new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero), 180, false, workloads.Length > 0 ? workloads : [Workload()]);

    /// <summary>A report; the achieved-rate rule is off unless <paramref name="rule"/> is given, so verdicts are only the thresholds passed.</summary>
    public static LoadReport Report(
        LoadRunResult? run = null, IReadOnlyList<ThresholdSpec>? thresholds = null, long? lost = 0, FailoverReport? failover = null, AchievedRateRule? rule = null)
        => LoadReportBuilder.Build(
            Header,
            run ?? Run(),
            thresholds ?? [],
            lost is { } l ? new Load.Ledger.LedgerCheckResult(3580, l, 2, []) : null,
            [new FaultReport("kill", "leader", 60, null), new FaultReport("partition", "apac", 120, 150)],
            failover,
            Machine,
            rule ?? AchievedRateRule.Off);
}
