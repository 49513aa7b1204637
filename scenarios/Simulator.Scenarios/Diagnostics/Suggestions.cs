namespace Simulator.Scenarios;

/// <summary>Finds the nearest known word to a misspelt one, by edit distance.</summary>
internal static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="input"/>, when it is close enough to be a likely
    /// typo: a case-insensitive match, or at most one edit per three characters (at least one, at
    /// most three), with transpositions counting as one edit. Ties go to the earliest candidate.
    /// </summary>
    public static string? Closest(string input, IEnumerable<string> candidates) => AllClosest(input, candidates) is { Count: > 0 } matches ? matches[0] : null;

    /// <summary>Every candidate at the smallest distance that still counts as a likely typo, in candidate order.</summary>
    public static IReadOnlyList<string> AllClosest(string input, IEnumerable<string> candidates)
    {
        var best = new List<string>();
        var bestDistance = int.MaxValue;
        var allowed = Math.Clamp(input.Length / 3, 1, 3);
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (candidate == input)
            {
                continue;
            }

            var distance = string.Equals(candidate, input, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Distance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance > allowed || distance > bestDistance)
            {
                continue;
            }

            if (distance < bestDistance)
            {
                best.Clear();
                bestDistance = distance;
            }

            best.Add(candidate);
        }

        return best;
    }

    /// <summary>A "did you mean" hint naming every equally close candidate, or <see langword="null"/> when none is close.</summary>
    public static string? DidYouMean(string input, IEnumerable<string> candidates) =>
        AllClosest(input, candidates) is { Count: > 0 } matches ? $"did you mean {OneOf(matches)}?" : null;

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Lists words as <c>`a`, `b` or `c`</c>.</summary>
    public static string OneOf(IEnumerable<string> words)
    {
        var list = words.Select(w => $"`{w}`").ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list.Take(list.Count - 1)) + " or " + list[^1];
    }
}
