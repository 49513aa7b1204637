using Simulator.Load.Measurement;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Thresholds;

namespace Simulator.Load.Tests.Support;

/// <summary>
/// A realistic three-minute, two-workload report: steady latency with a failover spike under a leader kill at 60 s
/// (errors, then slow recovery) and a partition of apac from 120 s to 150 s that drops arrivals.
/// </summary>
internal static class SampleReport
{
    public static LoadReport Build()
    {
        var random = new Random(42);
        var eu = Workload("order-import", "eu", 20, random, second => second switch
        {
            >= 60 and < 68 => (0.8, 6.0, 0.0),
            >= 68 and < 80 => (0.0, 2.5, 0.0),
            _ => (0.0, 1.0, 0.0),
        });
        var apac = Workload("warehouse-scan", "apac", 50, random, second => second switch
        {
            >= 120 and < 150 => (0.05, 3.0, 0.3),
            _ => (0.0, 1.0, 0.0),
        });
        var run = new LoadRunResult(new DateTimeOffset(2025, 3, 4, 5, 6, 7, TimeSpan.Zero), 180, false, [eu, apac]);
        ThresholdSpec[] thresholds =
        [
            new("order-import.p99", ThresholdOperator.LessThan, 1500, ThresholdUnit.Milliseconds) { Expression = "order-import.p99 < 1500ms" },
            new("warehouse-scan.error_rate", ThresholdOperator.LessThan, 1, ThresholdUnit.Percent) { Expression = "warehouse-scan.error_rate < 1% over any 30s window", Window = TimeSpan.FromSeconds(30) },
            new("lost_writes", ThresholdOperator.Equal, 0),
            new("failover.rto", ThresholdOperator.LessThan, 15, ThresholdUnit.Seconds),
        ];
        return LoadReportBuilder.Build(
            new ReportHeader("primary-node-loss", "single-primary-multi-replica", "native"),
            run,
            thresholds,
            new Load.Ledger.LedgerCheckResult(eu.Acknowledged, 0, eu.Unknown, []),
            [new FaultReport("kill", "leader", 60, 61.2), new FaultReport("partition", "apac", 120, 150)],
            new FailoverReport(9.4, 8.1, "pg-eu-1", "pg-eu-2", 0, false),
            Reports.Machine);
    }

    private static WorkloadResult Workload(string name, string region, int rate, Random random, Func<int, (double Fail, double Slow, double Drop)> shape)
    {
        var intervals = new List<IntervalSnapshot>();
        long ok = 0, failed = 0, dropped = 0;
        for (int s = 0; s < 180; s++)
        {
            var (fail, slow, drop) = shape(s);
            long d = (long)Math.Round(rate * drop);
            long f = (long)Math.Round((rate - d) * fail);
            long o = rate - d - f;
            double p50 = (40 + (random.NextDouble() * 8)) * slow;
            double p99 = (120 + (random.NextDouble() * 60)) * slow * slow;
            intervals.Add(new IntervalSnapshot(s, o + f, o, f, d, 0, o > 0 ? Math.Round(p50, 3) : null, o > 0 ? Math.Round(p99, 3) : null)
            {
                Started = rate - d,
                Arrivals = rate,
            });
            ok += o;
            failed += f;
            dropped += d;
        }

        return new WorkloadResult(
            name, region, 180, rate, Math.Round(rate * (double)(180 * rate - dropped) / (180 * rate), 6), (180 * rate) - dropped, ok, failed, 0, dropped, dropped, 0, ok,
            new LatencySummary(43.9, 80.2, 1210, 2950, 3400), new LatencySummary(41.2, 70.1, 380, 900, 1200),
            failed > 0 ? new Dictionary<string, long> { ["http-503"] = failed } : new Dictionary<string, long>(),
            [new OperationResult(name + ".create", ok, failed, 0, new LatencySummary(20, 40, 600, 1500, 1800), new LatencySummary(19, 38, 300, 700, 900))],
            intervals)
        {
            Model = $"constant-rate {rate}/s",
            Arrivals = 180 * rate,
            StartLateness = new LatencySummary(0.05, 0.2, 0.9, 2.1, 3.5),
            BytesSent = ok * 2400,
            BytesReceived = ok * 800,
            WindowedLatency = [new WindowedLatency(30, 151, new WindowExtremes(40, 0, 240, 50), null, new WindowExtremes(130, 2, 4800, 45), null, new WindowExtremes(180, 3, 6100, 55))],
        };
    }
}
