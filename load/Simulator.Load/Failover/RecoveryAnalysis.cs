using Simulator.Load.Measurement;

namespace Simulator.Load.Failover;

/// <summary>Derives each region's recovery from its write outcomes around a fault.</summary>
public static class RecoveryAnalysis
{
    /// <summary>
    /// Per region (in the order regions first appear): the last write acknowledged before the fault; the first write
    /// to fail or end unknown at or after it; and recovery — the first write <i>sent</i> at or after the fault (one
    /// sent before may have been committed before it) that was acknowledged after the last failure of the span, so a
    /// flap after a first success still counts as down. The span runs from the fault to <paramref name="untilSeconds"/>
    /// (the next fault, or the run's end when null).
    /// </summary>
    /// <param name="writes">Outcomes of write iterations only.</param>
    /// <param name="faultAtSeconds">When the fault was injected.</param>
    /// <param name="untilSeconds">Where the span ends; null for no end.</param>
    /// <returns>One entry per region.</returns>
    public static IReadOnlyList<RegionFailover> PerRegion(IEnumerable<IterationOutcome> writes, double faultAtSeconds, double? untilSeconds = null)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var end = untilSeconds ?? double.PositiveInfinity;
        return [.. writes
            .GroupBy(w => w.Region, StringComparer.Ordinal)
            .Select(region => Analyze(region.Key, [.. region], faultAtSeconds, end))];
    }

    private static RegionFailover Analyze(string region, List<IterationOutcome> writes, double fault, double end)
    {
        double? lastOkBefore = Max(writes.Where(w => w.Outcome == Outcome.Ok && w.EndedAtSeconds <= fault).Select(w => w.EndedAtSeconds));
        var span = writes.Where(w => w.EndedAtSeconds >= fault && w.EndedAtSeconds < end).ToList();
        var failures = span.Where(w => w.Outcome != Outcome.Ok).ToList();
        double? firstFailed = Min(failures.Select(w => w.EndedAtSeconds));
        var lastFailed = Max(failures.Select(w => w.EndedAtSeconds)) ?? double.NegativeInfinity;
        double? firstOkAfter = Min(span
            .Where(w => w.Outcome == Outcome.Ok && w.SentAtSeconds >= fault && w.EndedAtSeconds > lastFailed)
            .Select(w => w.EndedAtSeconds));
        double? rto = firstOkAfter - fault;
        double? errorWindow = firstFailed is null ? (firstOkAfter is null ? null : 0) : firstOkAfter - firstFailed;
        return new RegionFailover(
            region,
            Round(lastOkBefore),
            Round(firstFailed),
            Round(firstOkAfter),
            Round(rto),
            Round(errorWindow),
            failures.Count(w => w.Outcome == Outcome.Failed),
            failures.Count(w => w.Outcome == Outcome.Unknown));
    }

    private static double? Min(IEnumerable<double> values) => values.Any() ? values.Min() : null;

    private static double? Max(IEnumerable<double> values) => values.Any() ? values.Max() : null;

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
