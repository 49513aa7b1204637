namespace Simulator.Load.Failover;

/// <summary>
/// A replica's lag, one value per second that had a reading (column by column, as report.json's intervals): the
/// highest reading in that second. A second without a reading (the replica was not streaming, or not read) is absent.
/// </summary>
/// <param name="Node">The replica.</param>
/// <param name="Second">Whole seconds from the run's start.</param>
/// <param name="Bytes">Lag in bytes, per second; null where unknown.</param>
/// <param name="Seconds">Lag in seconds, per second; null where unknown.</param>
public sealed record ReplicationLagSeries(string Node, IReadOnlyList<int> Second, IReadOnlyList<long?> Bytes, IReadOnlyList<double?> Seconds)
{
    /// <summary>Groups readings into one series per node (by name), per whole second from <paramref name="origin"/>.</summary>
    public static IReadOnlyList<ReplicationLagSeries> FromSamples(IEnumerable<ReplicationLagSample> samples, DateTimeOffset origin)
    {
        ArgumentNullException.ThrowIfNull(samples);
        return [.. samples
            .Where(s => s.At >= origin)
            .GroupBy(s => s.Node, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(node =>
            {
                var seconds = node
                    .GroupBy(s => (int)Math.Floor((s.At - origin).TotalSeconds))
                    .OrderBy(g => g.Key)
                    .ToList();
                return new ReplicationLagSeries(
                    node.Key,
                    [.. seconds.Select(g => g.Key)],
                    [.. seconds.Select(g => g.Max(s => s.Bytes))],
                    [.. seconds.Select(g => g.Max(s => s.Seconds) is { } v ? Math.Round(v, 3) : (double?)null)]);
            })];
    }
}
