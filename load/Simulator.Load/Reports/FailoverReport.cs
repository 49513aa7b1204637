namespace Simulator.Load.Reports;

/// <summary>Failover figures, from events on the run's clock; a field is <see langword="null"/> when it was not measured.</summary>
/// <param name="RtoSeconds">From the fault to the first successful write after it.</param>
/// <param name="ErrorWindowSeconds">From the first failed write to the first successful one after it.</param>
/// <param name="OldLeader">The leader before the fault.</param>
/// <param name="NewLeader">The leader after it.</param>
/// <param name="LostWrites">Acknowledged writes lost (RPO, in writes).</param>
/// <param name="SplitBrain">Whether two leaders accepted writes at once.</param>
public sealed record FailoverReport(
    double? RtoSeconds, double? ErrorWindowSeconds, string? OldLeader, string? NewLeader, long? LostWrites, bool? SplitBrain);
