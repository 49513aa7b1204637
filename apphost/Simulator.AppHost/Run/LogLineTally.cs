using System.Collections.Concurrent;

namespace Simulator.AppHost.Run;

/// <summary>
/// Counts, per resource and kind, the log lines a classifier recognises, from its start until it is disposed: a run's
/// window of what the resources logged (<see cref="ResourceLogCollector.StartTally"/>).
/// </summary>
public sealed class LogLineTally : IDisposable
{
    private readonly Func<string, string?> _classify;
    private readonly ConcurrentDictionary<(string Resource, string Kind), long> _counts = new();

    /// <summary>A tally of the lines <paramref name="classify"/> gives a kind (null: not counted).</summary>
    public LogLineTally(Func<string, string?> classify)
    {
        ArgumentNullException.ThrowIfNull(classify);
        _classify = classify;
    }

    /// <summary>Lines of <paramref name="kind"/> that <paramref name="resource"/> logged so far.</summary>
    public long Count(string resource, string kind) => _counts.TryGetValue((resource, kind), out var count) ? count : 0;

    /// <summary>Stops counting (the collector offers no more lines); the counts stay readable.</summary>
    public void Dispose() => Stopped?.Invoke(this);

    /// <summary>Counts <paramref name="line"/>, which <paramref name="resource"/> logged, if it is of a kind.</summary>
    public void Offer(string resource, string line)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(line);
        if (_classify(line) is { } kind)
        {
            _counts.AddOrUpdate((resource, kind), 1, static (_, count) => count + 1);
        }
    }

    internal Action<LogLineTally>? Stopped { get; init; }
}
