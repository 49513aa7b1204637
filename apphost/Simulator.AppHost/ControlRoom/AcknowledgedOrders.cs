using System.Collections.Concurrent;
using Simulator.Load.Ledger;

namespace Simulator.AppHost.ControlRoom;

/// <summary>The ledger of a control-room load, kept in memory: the orders the server acknowledged, in order.</summary>
public sealed class AcknowledgedOrders : ILedgerSink
{
    private readonly ConcurrentQueue<LedgerEntry> _entries = new();

    /// <summary>How many orders were acknowledged so far.</summary>
    public int Count => _entries.Count;

    /// <summary>The acknowledged orders so far.</summary>
    public IReadOnlyList<LedgerEntry> Entries => [.. _entries];

    /// <inheritdoc/>
    public void Append(LedgerEntry entry) => _entries.Enqueue(entry);
}
