using Simulator.Load.Ledger;

namespace Simulator.Load.Failover;

/// <summary>
/// Split brain, from the clients' own record: writes acknowledged by two origins (servers, or histories of one, e.g.
/// <c>eu-pg-1/tl1</c> and <c>us-pg-1/tl2</c>) in overlapping time. Each write's commit lies in its acknowledgement
/// interval — from when its committing request was sent (<see cref="LedgerEntry.SentAt"/>, or the acknowledgement when
/// unknown) to its acknowledgement (<see cref="LedgerEntry.Time"/>). A write of origin A is a split-brain write when
/// another origin B certainly committed a write before it (a B acknowledgement before A's write was sent) and another
/// after it (a B write sent after A's was acknowledged): both accepted writes at once. A failover hands over from one
/// origin to the next, so no write lies between two of another origin; concurrent requests in flight across the
/// handover do not count, since their intervals overlap without either certainly coming first.
/// </summary>
public static class SplitBrainDetector
{
    /// <summary>The acknowledged writes of each origin, by first acknowledgement; empty when no entry has an origin.</summary>
    public static IReadOnlyList<WriteOrigin> Origins(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        return [.. entries
            .Where(e => e.Origin is not null)
            .GroupBy(e => e.Origin!, StringComparer.Ordinal)
            .Select(g => new WriteOrigin(g.Key, g.LongCount(), g.Min(e => e.Time), g.Max(e => e.Time)))
            .OrderBy(o => o.FirstSeconds)];
    }

    /// <summary>Judges split brain on <paramref name="entries"/> (entries without an origin are left out).</summary>
    public static SplitBrainFinding Detect(IEnumerable<LedgerEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var writes = entries.Where(e => e.Origin is not null).ToList();
        if (writes.Count == 0)
        {
            return SplitBrainFinding.Unknown;
        }

        // Per origin: its first certain commit (no later than its earliest acknowledgement) and its last (no earlier
        // than its latest send).
        var spans = writes
            .GroupBy(e => e.Origin!, StringComparer.Ordinal)
            .Select(g => (Origin: g.Key, FirstAck: g.Min(e => e.Time), LastSent: g.Max(Sent)))
            .ToList();
        var inside = writes
            .Where(w => spans.Any(s => s.Origin != w.Origin && s.FirstAck < Sent(w) && w.Time < s.LastSent))
            .ToList();
        return inside.Count == 0
            ? new SplitBrainFinding(false, 0, null, null)
            : new SplitBrainFinding(true, inside.Count, Math.Round(inside.Min(Sent), 3), Math.Round(inside.Max(w => w.Time), 3));
    }

    private static double Sent(LedgerEntry entry) => entry.SentAt ?? entry.Time;
}
