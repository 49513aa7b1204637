namespace Simulator.Chaos.Bench;

/// <summary>Percentiles (nearest rank) of round-trip times, in milliseconds.</summary>
internal sealed record LatencyStats(int Count, double Min, double P50, double P90, double P99, double Max, double Mean)
{
    public static LatencyStats Of(IReadOnlyCollection<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new LatencyStats(0, 0, 0, 0, 0, 0, 0);
        }

        return new LatencyStats(sorted.Length, Round(sorted[0]), Round(Rank(sorted, 0.50)), Round(Rank(sorted, 0.90)), Round(Rank(sorted, 0.99)), Round(sorted[^1]), Round(sorted.Average()));
    }

    /// <summary>The nearest-rank percentile: the smallest sample with at least <paramref name="quantile"/> of them at or below it.</summary>
    public static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Round(double value) => Math.Round(value, 3, MidpointRounding.AwayFromZero);
}
