using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Simulator.Load.Measurement;

/// <summary>Counts error kinds, safe for concurrent use; bounded: kinds beyond <see cref="MaxKinds"/> count under <see cref="Other"/>.</summary>
internal sealed class ErrorKindCounter
{
    /// <summary>Distinct error kinds kept before the rest are counted under <see cref="Other"/>.</summary>
    public const int MaxKinds = 64;

    /// <summary>Where kinds beyond the limit, and empty kinds, are counted.</summary>
    public const string Other = "other";

    private readonly ConcurrentDictionary<string, StrongBox<long>> _kinds = new(StringComparer.Ordinal);

    public void Count(string? errorKind)
    {
        string kind = string.IsNullOrEmpty(errorKind) ? Other : errorKind;
        if (!_kinds.TryGetValue(kind, out var box))
        {
            box = _kinds.Count < MaxKinds
                ? _kinds.GetOrAdd(kind, static _ => new StrongBox<long>())
                : _kinds.GetOrAdd(Other, static _ => new StrongBox<long>());
        }

        Interlocked.Increment(ref box.Value);
    }

    public IReadOnlyDictionary<string, long> Snapshot()
        => _kinds.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal);
}
