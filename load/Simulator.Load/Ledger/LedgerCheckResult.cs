namespace Simulator.Load.Ledger;

/// <summary>
/// The ledger checked against the surviving primary. <see cref="Unknown"/> is the run's count of unknown outcomes
/// (requests sent but never answered), reported beside the others and never counted as lost or as kept.
/// </summary>
/// <param name="Acknowledged">Distinct ids the server acknowledged during the run.</param>
/// <param name="Lost">Acknowledged ids absent from the surviving primary.</param>
/// <param name="Unknown">Iterations whose outcome is unknown.</param>
/// <param name="LostIds">The lost ids, in ledger order.</param>
public sealed record LedgerCheckResult(long Acknowledged, long Lost, long Unknown, IReadOnlyList<string> LostIds)
{
    /// <summary>
    /// Writes whose outcome was unknown to the client but which the surviving primary holds (Jepsen's "recovered");
    /// <see langword="null"/> when the ids of unknown writes were not known (the server chose them).
    /// </summary>
    public long? Recovered { get; init; }

    /// <summary>The recovered ids, in the order given.</summary>
    public IReadOnlyList<string> RecoveredIds { get; init; } = [];
}
