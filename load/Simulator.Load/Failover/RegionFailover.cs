namespace Simulator.Load.Failover;

/// <summary>
/// What one region's writers saw of a fault, on the run's clock (seconds from its start); a field is null when the
/// run did not show it (no write before the fault, no failure, no recovery before the run or the next fault).
/// </summary>
/// <param name="Region">The region whose clients wrote.</param>
/// <param name="LastOkBeforeSeconds">When the last write acknowledged before the fault was acknowledged.</param>
/// <param name="FirstFailedSeconds">When the first write to fail (or end unknown) after the fault ended.</param>
/// <param name="FirstOkAfterSeconds">When the first write sent after the fault, and ending after its last failure, was acknowledged.</param>
/// <param name="RtoSeconds">From the fault to <paramref name="FirstOkAfterSeconds"/>.</param>
/// <param name="ErrorWindowSeconds">From <paramref name="FirstFailedSeconds"/> to <paramref name="FirstOkAfterSeconds"/>; 0 when no write failed.</param>
/// <param name="FailedWrites">Writes that failed between the fault and the next one (or the run's end).</param>
/// <param name="UnknownWrites">Writes whose outcome is unknown in the same span.</param>
public sealed record RegionFailover(
    string Region,
    double? LastOkBeforeSeconds,
    double? FirstFailedSeconds,
    double? FirstOkAfterSeconds,
    double? RtoSeconds,
    double? ErrorWindowSeconds,
    long FailedWrites,
    long UnknownWrites);
