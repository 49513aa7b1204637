using System.Globalization;

namespace Simulator.Load.Reports.Comparison;

/// <summary>
/// The side-by-side table both rendered comparisons show: one column per topology, one row per figure — verdict,
/// nodes, failover (RTO, error window, leaders), ledger (lost, unknown, acknowledged), transaction retries by region,
/// then per workload and region
/// p50, p99, error rate and achieved rate. Cells are plain text; "—" where a run did not measure the figure.
/// </summary>
internal static class ComparisonTable
{
    public static IReadOnlyList<(string Label, IReadOnlyList<string> Cells)> Rows(ComparisonReport comparison)
    {
        var runs = comparison.Runs;
        var rows = new List<(string, IReadOnlyList<string>)>
        {
            ("verdict", [.. runs.Select(r => r.Passed ? "passed" : $"failed ({r.FailedThresholds.Count})")]),
            ("nodes", [.. runs.Select(r => r.Nodes?.ToString(CultureInfo.InvariantCulture) ?? ReportFormat.NotMeasured)]),
            ("RTO", [.. runs.Select(r => ReportFormat.Seconds(r.Failover?.RtoSeconds))]),
            ("error window", [.. runs.Select(r => ReportFormat.Seconds(r.Failover?.ErrorWindowSeconds))]),
            ("leader before → after", [.. runs.Select(r => r.Failover is { } f ? $"{f.OldLeader ?? ReportFormat.NotMeasured} → {f.NewLeader ?? ReportFormat.NotMeasured}" : ReportFormat.NotMeasured)]),
            ("lost writes", [.. runs.Select(r => Count(r.Ledger.Lost))]),
            ("unknown outcome", [.. runs.Select(r => Count(r.Ledger.Unknown))]),
            ("acknowledged writes", [.. runs.Select(r => Count(r.Ledger.Acknowledged))]),
            ("transaction retries", [.. runs.Select(r => Retries(r.Servers))]),
        };

        foreach (var key in comparison.WorkloadKeys())
        {
            var figures = runs.Select(r => r.Workloads.FirstOrDefault(w => w.Key == key)).ToList();
            rows.Add(($"{key} p50", [.. figures.Select(f => ReportFormat.Ms(f?.LatencyMs?.P50))]));
            rows.Add(($"{key} p99", [.. figures.Select(f => ReportFormat.Ms(f?.LatencyMs?.P99))]));
            rows.Add(($"{key} error rate", [.. figures.Select(f => ReportFormat.Percent(f?.ErrorRate))]));
            rows.Add(($"{key} achieved rate", [.. figures.Select(f => f?.AchievedRate is { } rate ? ReportFormat.Number(rate) + "/s" : ReportFormat.NotMeasured)]));
        }

        return rows;
    }

    /// <summary>Each region's retries (<c>eu 0 · us 25</c>): where a topology makes transactions collide.</summary>
    private static string Retries(IReadOnlyList<ServerReport>? servers) => servers is { Count: > 0 }
        ? string.Join(" · ", servers.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Region} {s.TransactionRetries}")))
        : ReportFormat.NotMeasured;

    private static string Count(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? ReportFormat.NotMeasured;
}
