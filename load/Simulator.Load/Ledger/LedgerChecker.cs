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

        var distinct = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string id in acknowledgedIds)
        {
            if (seen.Add(id))
            {
                distinct.Add(id);
            }
        }

        var lost = new List<string>();
        foreach (var batch in distinct.Chunk(batchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var present = await lookup(batch, cancellationToken).ConfigureAwait(false);
            lost.AddRange(batch.Where(id => !present.Contains(id)));
        }

        return new LedgerCheckResult(distinct.Count, lost.Count, unknownOutcomes, lost);
    }
}
