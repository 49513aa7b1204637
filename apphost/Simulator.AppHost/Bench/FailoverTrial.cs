using Simulator.Load.Reports;

namespace Simulator.AppHost.Bench;

/// <summary>One run of a failover scenario, as the failover benchmark judges it.</summary>
/// <param name="Run">1-based run number.</param>
/// <param name="Folder">Where the run's reports are.</param>
/// <param name="PromotedAfterFaultSeconds">From the fault to the new leader's promotion; null when none was seen.</param>
/// <param name="NewLeader">The leader after the fault; null when none was seen.</param>
/// <param name="RtoByRegion">Each region's RTO (fault to its clients' first write acknowledged after it); null where it never recovered in the run.</param>
/// <param name="Acknowledged">Writes acknowledged to the clients.</param>
/// <param name="Lost">Acknowledged writes missing from the new primary; null when the check could not be made.</param>
/// <param name="SplitBrain">Whether two leaders' writes were acknowledged in overlapping time; null when not judged.</param>
/// <param name="Cancelled">The run was interrupted.</param>
public sealed record FailoverTrial(
    int Run,
    string Folder,
    double? PromotedAfterFaultSeconds,
    string? NewLeader,
    IReadOnlyDictionary<string, double?> RtoByRegion,
    long Acknowledged,
    long? Lost,
    bool? SplitBrain,
    bool Cancelled)
{
    /// <summary>The trial's figures from a run's report.</summary>
    public static FailoverTrial Of(int run, string folder, LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var failover = report.Failover;
        var promoted = failover?.NewLeaderPromotedAtSeconds is { } at && failover.FaultAtSeconds is { } fault ? Math.Round(at - fault, 1) : (double?)null;
        var regions = (failover?.Regions ?? []).ToDictionary(r => r.Region, r => r.RtoSeconds, StringComparer.Ordinal);
        return new FailoverTrial(run, folder, promoted, failover?.NewLeader, regions, report.Ledger.Acknowledged, failover?.LostWrites ?? report.Ledger.Lost, failover?.SplitBrain, report.Cancelled);
    }
}
