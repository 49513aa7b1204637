using Simulator.Load.Ledger;

namespace Simulator.Load.Failover;

/// <summary>
/// Split brain, from the clients' own record: two origins (servers, or histories of one) acknowledged writes in
/// overlapping time — each went on accepting writes while the other did. A failover hands over from one origin to
/// the next, so their spans follow each other and never overlap.
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

    /// <summary>
    /// Whether two origins' spans overlap (one acknowledged a write strictly between another's first and last);
    /// null when no origin is known, so nothing can be said.
    /// </summary>
    public static bool? Detect(IReadOnlyList<WriteOrigin> origins)
    {
        ArgumentNullException.ThrowIfNull(origins);
        if (origins.Count == 0)
        {
            return null;
        }

        for (var i = 0; i < origins.Count; i++)
        {
            for (var j = i + 1; j < origins.Count; j++)
            {
                if (origins[i].FirstSeconds < origins[j].LastSeconds && origins[j].FirstSeconds < origins[i].LastSeconds)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
