namespace Simulator.Scenarios;

/// <summary>
/// The network conditions a scenario asks for between regions: a base latency per link and a
/// jitter applied to all of them. They are applied by the fault proxy, never by the kernel.
/// </summary>
public sealed record NetworkSettings
{
    /// <summary>No added latency and no jitter.</summary>
    public static NetworkSettings None { get; } = new();

    /// <summary>One-way latency added per link, keyed by the pair of regions as written (<c>eu-us: 80ms</c>).</summary>
    public IReadOnlyDictionary<RegionPair, TimeSpan> Latency { get; init; } = new Dictionary<RegionPair, TimeSpan>().AsReadOnly();

    /// <summary>Jitter added on every link that has a latency.</summary>
    public TimeSpan Jitter { get; init; }

    /// <summary>The latency between two regions in either order, or zero when none is set.</summary>
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
