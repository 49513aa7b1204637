namespace Simulator.Chaos.Bench;

/// <summary>
/// The same measurement through the reference proxy (<see cref="HaproxyReference"/>) in the same interleaved rounds;
/// <see cref="Measured"/> false (with a reason) when it could not run.
/// </summary>
/// <param name="Measured">Whether the reference ran.</param>
/// <param name="Reason">Why not, when it did not.</param>
/// <param name="Proxy">Which reference proxy.</param>
/// <param name="Values">Each round's figure, in the unit of the measurement it accompanies.</param>
/// <param name="Median">The median of <paramref name="Values"/>.</param>
/// <param name="Ratio">Reference/direct, to read proxy/direct against.</param>
internal sealed record ReferenceResult(bool Measured, string? Reason, string Proxy, IReadOnlyList<double> Values, double Median, double Ratio)
{
    public const string HaproxyTcp = "haproxy (mode tcp)";

    /// <summary>This proxy with <see cref="ToxiproxyServerOptions.ZeroCopy"/> off: every byte copied through user space.</summary>
    public const string Copying = "proxy copying (no splice)";

    public static ReferenceResult NotMeasured(string reason) => new(false, reason, HaproxyTcp, [], 0, 0);

    public static ReferenceResult Of(IReadOnlyList<double> values, double directMedian, string proxy = HaproxyTcp)
    {
        var median = LatencyStats.Median(values);
        return new(true, null, proxy, values, LatencyStats.Round(median), Math.Round(median / directMedian, 3));
    }
}
