namespace Simulator.AppHost.Bench;

/// <summary>
/// What every run of a failover benchmark must show (issue 6's targets): each region's RTO within
/// <see cref="MaxRtoSeconds"/> when the failover timing is the fast profile, and no acknowledged write lost when
/// replication is synchronous. A target that does not apply to the run's profile is null and not judged.
/// </summary>
/// <param name="MaxRtoSeconds">The longest RTO allowed in any region; null when not judged.</param>
/// <param name="ZeroLoss">Whether every run must lose no acknowledged write.</param>
public sealed record FailoverTargets(double? MaxRtoSeconds, bool ZeroLoss)
{
    /// <summary>The RTO target of the fast timing profile, in seconds.</summary>
    public const double FastProfileRtoSeconds = 15;
}
