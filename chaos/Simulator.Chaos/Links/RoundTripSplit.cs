namespace Simulator.Chaos;

/// <summary>
/// A round-trip time split over the two streams of a proxied link, in the whole milliseconds Toxiproxy takes:
/// half on the requests (<c>upstream</c>), the other half, with an odd millisecond, on the replies (<c>downstream</c>).
/// </summary>
/// <param name="UpstreamMilliseconds">The requests' share.</param>
/// <param name="DownstreamMilliseconds">The replies' share.</param>
public readonly record struct RoundTripSplit(long UpstreamMilliseconds, long DownstreamMilliseconds)
{
    /// <summary>Splits <paramref name="roundTrip"/> (rounded to whole milliseconds).</summary>
    /// <param name="roundTrip">The round-trip time.</param>
    /// <returns>The two shares, adding up to the rounded round trip.</returns>
    public static RoundTripSplit Of(TimeSpan roundTrip)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roundTrip, TimeSpan.Zero);
        var total = (long)Math.Round(roundTrip.TotalMilliseconds, MidpointRounding.AwayFromZero);
        var up = total / 2;
        return new RoundTripSplit(up, total - up);
    }
}
