namespace Simulator.Chaos;

/// <summary>One entry of a <see cref="LatencyMatrix"/>: the round-trip time added between two regions.</summary>
/// <param name="First">One region.</param>
/// <param name="Second">The other region (order does not matter).</param>
/// <param name="RoundTrip">
/// The round-trip time added between them, as <c>ping</c> and inter-region latency tables report it: a request
/// and its reply over any link between the two regions take this much longer.
/// </param>
public sealed record RegionLatency(string First, string Second, TimeSpan RoundTrip)
{
    /// <summary>Whether this entry is for the two regions, in either order.</summary>
    /// <param name="a">One region.</param>
    /// <param name="b">The other region.</param>
    /// <returns>True when the entry joins them.</returns>
    public bool Joins(string a, string b) => (First == a && Second == b) || (First == b && Second == a);
}
