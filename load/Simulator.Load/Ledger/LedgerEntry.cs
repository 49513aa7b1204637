namespace Simulator.Load.Ledger;

/// <summary>One acknowledged write: an id the server confirmed (for orders, the confirmed order name).</summary>
/// <param name="Id">The acknowledged id, as the server returned it.</param>
/// <param name="Region">The region the write went to.</param>
/// <param name="Workload">The workload that made it.</param>
/// <param name="Time">When it was acknowledged, in seconds from the run's start.</param>
public sealed record LedgerEntry(string Id, string Region, string Workload, double Time);
