using Simulator.Load.Ledger;

namespace Simulator.Load;

/// <summary>Optional wiring of a load run.</summary>
public sealed record LoadRunOptions
{
    /// <summary>Where acknowledged writes go as they happen (usually a <see cref="LedgerWriter"/>); none when null.</summary>
    public ILedgerSink? Ledger { get; init; }

    /// <summary>Told about every closed per-second interval, for live output; none when null.</summary>
    public IProgress<IntervalProgress>? Progress { get; init; }
}
