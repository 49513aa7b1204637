namespace Simulator.Scenarios;

/// <summary>
/// The network conditions a scenario asks for between regions: a base latency per link and a
/// jitter applied to all of them. They are applied by the fault proxy, never by the kernel.
/// </summary>
public sealed record NetworkSettings
{
    /// <summary>No added latency and no jitter.</summary>
    public static NetworkSettings None { get; } = new();

    /// <summary>
    /// The round-trip time added between two regions, keyed by the pair as written (<c>eu-us: 80ms</c>): a request
    /// and its reply between them take this much longer, the figure <c>ping</c> and inter-region latency tables
    /// give. The fault proxy puts half on each direction of every link between the two regions, so a one-way
    /// message (WAL pushed to a replica) takes half of it.
    /// </summary>
    public IReadOnlyDictionary<RegionPair, TimeSpan> Latency { get; init; } = new Dictionary<RegionPair, TimeSpan>().AsReadOnly();

    /// <summary>The variation (±) of every round trip that has a latency, split over the two directions like it.</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>The round-trip time between two regions in either order, or zero when none is set.</summary>
    /// <param name="from">One region.</param>
    /// <param name="to">The other region.</param>
    /// <returns>The configured latency.</returns>
    public TimeSpan LatencyBetween(string from, string to)
    {
        var wanted = new RegionPair(from, to);
        foreach (var (pair, latency) in Latency)
        {
            if (pair.SameLinkAs(wanted))
            {
                return latency;
            }
        }

        return TimeSpan.Zero;
    }
}
