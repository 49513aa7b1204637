namespace Simulator.Load.Ledger;

/// <summary>Checks acknowledged writes against the database that survived: lost = acknowledged but absent.</summary>
public static class LedgerChecker
{
    /// <summary>How many ids one lookup call is given, unless the caller says otherwise.</summary>
    public const int DefaultBatchSize = 500;

    /// <summary>
    /// Looks every acknowledged id up (in batches) and counts those absent as lost.
    /// </summary>
    /// <param name="acknowledgedIds">The acknowledged ids (for example from <see cref="LedgerFile.ReadAsync"/>); duplicates count once.</param>
    /// <param name="unknownOutcomes">The run's unknown-outcome count, carried into the result unchanged.</param>
    /// <param name="lookup">Given a batch of ids, returns those that exist on the surviving primary.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <param name="batchSize">Ids per lookup call.</param>
    /// <returns>Acknowledged, lost and unknown counts, and the lost ids.</returns>
    public static async Task<LedgerCheckResult> CheckAsync(
        IEnumerable<string> acknowledgedIds,
        long unknownOutcomes,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>> lookup,
        CancellationToken cancellationToken,
        int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(acknowledgedIds);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentOutOfRangeException.ThrowIfNegative(unknownOutcomes);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        var distinct = Distinct(acknowledgedIds);
        var lost = await AbsentAsync(distinct, lookup, batchSize, cancellationToken).ConfigureAwait(false);
        return new LedgerCheckResult(distinct.Count, lost.Count, unknownOutcomes, lost);
    }

    /// <summary>
    /// Checks acknowledged writes, and writes whose outcome is unknown, when the client chose their ids (so it knows
    /// the ids of writes that never got an answer), Jepsen-style: an acknowledged id absent is <b>lost</b>; an unknown
    /// id present is <b>recovered</b> (it happened although the client never heard so); an unknown id absent never
    /// happened, or was lost: nobody can tell, so it is counted as neither. An id both acknowledged and unknown (a
    /// retry) counts as acknowledged.
    /// </summary>
    /// <param name="acknowledgedIds">The acknowledged ids; duplicates count once.</param>
    /// <param name="unknownIds">The ids of writes sent without an answer; duplicates count once.</param>
    /// <param name="lookup">Given a batch of ids, returns those that exist on the surviving primary.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <param name="batchSize">Ids per lookup call.</param>
    /// <returns>Acknowledged, lost, unknown (the distinct unknown ids) and recovered counts, with the ids.</returns>
    public static async Task<LedgerCheckResult> CheckAsync(
        IEnumerable<string> acknowledgedIds,
        IEnumerable<string> unknownIds,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>> lookup,
        CancellationToken cancellationToken,
        int batchSize = DefaultBatchSize)
    {
        ArgumentNullException.ThrowIfNull(acknowledgedIds);
        ArgumentNullException.ThrowIfNull(unknownIds);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);

        var acknowledged = Distinct(acknowledgedIds);
        var acknowledgedSet = acknowledged.ToHashSet(StringComparer.Ordinal);
        var unknown = Distinct(unknownIds.Where(id => !acknowledgedSet.Contains(id)));
        var lost = await AbsentAsync(acknowledged, lookup, batchSize, cancellationToken).ConfigureAwait(false);
        var neverSeen = (await AbsentAsync(unknown, lookup, batchSize, cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var recovered = unknown.Where(id => !neverSeen.Contains(id)).ToList();
        return new LedgerCheckResult(acknowledged.Count, lost.Count, unknown.Count, lost)
        {
            Recovered = recovered.Count,
            RecoveredIds = recovered,
        };
    }

    private static List<string> Distinct(IEnumerable<string> ids)
    {
        var distinct = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in ids)
        {
            if (seen.Add(id))
            {
                distinct.Add(id);
            }
        }

        return distinct;
    }

    private static async Task<List<string>> AbsentAsync(
        List<string> ids,
        Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>> lookup,
        int batchSize,
        CancellationToken cancellationToken)
    {
        var absent = new List<string>();
        foreach (var batch in ids.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var present = await lookup(batch, cancellationToken).ConfigureAwait(false);
            absent.AddRange(batch.Where(id => !present.Contains(id)));
        }

        return absent;
    }
}
