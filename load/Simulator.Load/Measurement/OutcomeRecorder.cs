using System.Collections.Concurrent;

namespace Simulator.Load.Measurement;

/// <summary>Keeps every iteration outcome of a run in memory (about 100 bytes each), for failover figures.</summary>
public sealed class OutcomeRecorder : IOutcomeSink
{
    private readonly ConcurrentQueue<IterationOutcome> _outcomes = new();

    /// <inheritdoc />
    public void Record(IterationOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _outcomes.Enqueue(outcome);
    }

    /// <summary>The outcomes recorded so far, in the order they ended.</summary>
    /// <returns>A copy.</returns>
    public IReadOnlyList<IterationOutcome> Snapshot() => [.. _outcomes.OrderBy(o => o.EndedAtSeconds)];
}
