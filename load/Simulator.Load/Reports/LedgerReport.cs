namespace Simulator.Load.Reports;

/// <summary>Acknowledged writes and what became of them.</summary>
/// <param name="Acknowledged">Writes the server acknowledged.</param>
/// <param name="Lost">Acknowledged writes absent from the surviving primary; <see langword="null"/> when the ledger was not checked.</param>
/// <param name="Unknown">Requests whose outcome is unknown; never counted as lost or as kept.</param>
public sealed record LedgerReport(long Acknowledged, long? Lost, long Unknown);
