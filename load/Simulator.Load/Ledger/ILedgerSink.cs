namespace Simulator.Load.Ledger;

/// <summary>Receives acknowledged writes as they happen. Implementations must be safe for concurrent calls.</summary>
public interface ILedgerSink
{
    /// <summary>Records one acknowledged write; must have made it durable enough to survive the process before returning.</summary>
    /// <param name="entry">The acknowledged write.</param>
    void Append(LedgerEntry entry);
}
