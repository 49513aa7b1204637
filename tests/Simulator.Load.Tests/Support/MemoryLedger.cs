using System.Collections.Concurrent;
using Simulator.Load.Ledger;

namespace Simulator.Load.Tests.Support;

internal sealed class MemoryLedger : ILedgerSink
{
    public ConcurrentQueue<LedgerEntry> Entries { get; } = new();

    public void Append(LedgerEntry entry) => Entries.Enqueue(entry);
}
