using Simulator.Load.Ledger;
using Simulator.Load.Measurement;

namespace Simulator.Load.Failover;

/// <summary>Everything a failover's figures are derived from, on the run's clock.</summary>
/// <param name="FaultAtSeconds">When the fault was injected.</param>
/// <param name="Writes">Outcomes of the write iterations (every region).</param>
/// <param name="Events">The cluster's failover events.</param>
public sealed record FailoverInput(double FaultAtSeconds, IReadOnlyList<IterationOutcome> Writes, IReadOnlyList<FailoverEvent> Events)
{
    /// <summary>When the fault was healed (e.g. the killed node started again); null when it was not.</summary>
    public double? HealedAtSeconds { get; init; }

    /// <summary>Where the fault's span ends (the next fault); null for the run's end.</summary>
    public double? UntilSeconds { get; init; }

    /// <summary>The ledger checked against the new primary after healing; null when it was not checked.</summary>
    public LedgerCheckResult? LedgerCheck { get; init; }

    /// <summary>The acknowledged writes, with their origins when the workload knew them (for split brain).</summary>
    public IReadOnlyList<LedgerEntry> Ledger { get; init; } = [];

    /// <summary>Replication lag per replica and second.</summary>
    public IReadOnlyList<ReplicationLagSeries>? ReplicationLag { get; init; }
}
