namespace Simulator.Load.Ledger;

/// <summary>One acknowledged write: an id the server confirmed (for orders, the confirmed order name).</summary>
/// <param name="Id">The acknowledged id, as the server returned it.</param>
/// <param name="Region">The region the write went to.</param>
/// <param name="Workload">The workload that made it.</param>
/// <param name="Time">When it was acknowledged, in seconds from the run's start.</param>
public sealed record LedgerEntry(string Id, string Region, string Workload, double Time)
{
    /// <summary>
    /// Which server, and which history of it, acknowledged the write, as the server itself said in the same
    /// transaction (for PostgreSQL under Patroni <c>&lt;node&gt;/tl&lt;timeline&gt;</c>); <see langword="null"/> when the
    /// workload cannot ask. Writes acknowledged by two origins in overlapping time are a split brain.
    /// </summary>
    public string? Origin { get; init; }

    /// <summary>
    /// When the request that committed the write was sent, in seconds from the run's start: the commit happened
    /// between this and <see cref="Time"/>. <see langword="null"/> when the workload did not say (then only
    /// <see cref="Time"/> is known).
    /// </summary>
    public double? SentAt { get; init; }
}
