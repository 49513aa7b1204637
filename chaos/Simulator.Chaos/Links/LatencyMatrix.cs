namespace Simulator.Chaos;

/// <summary>
/// The base network latency between regions (a scenario's <c>network.latency</c> and <c>network.jitter</c>),
/// applied by <see cref="ProxyMesh.ApplyLatencyAsync"/> to every proxied link between each pair of regions, in
/// both directions, for every service.
/// </summary>
/// <remarks>
/// <para><b>Each value is a round-trip time</b> (RTT), the figure <c>ping</c>, cloud providers' inter-region
/// tables and DESIGN's <c>eu-us: 80ms</c> quote. It is split evenly over the two streams of every link, half on
/// the requests (<c>upstream</c>) and half on the replies (<c>downstream</c>), so a request/response exchange over
/// the link takes <c>RoundTrip</c> longer and a one-way message (a WAL record pushed to a replica, say) takes half
/// of it, as on a real network. Toxiproxy's attributes are whole milliseconds: an odd RTT puts the extra
/// millisecond on the replies (81 ms = 40 up + 41 down).</para>
/// <para><see cref="Jitter"/> is the variation of the round trip (± jitter), likewise split over the two streams
/// (each stream varies uniformly by half of it; 5 ms = ± 2 up and ± 3 down).</para>
/// </remarks>
public sealed record LatencyMatrix
{
    /// <summary>No added latency anywhere.</summary>
    public static LatencyMatrix None { get; } = new([]);

    /// <summary>Creates a matrix.</summary>
    /// <param name="entries">The round-trip time per pair of regions; pairs left out get none.</param>
    /// <exception cref="ArgumentException">An entry joins a region to itself, is negative, or repeats a pair.</exception>
    public LatencyMatrix(IEnumerable<RegionLatency> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var list = entries.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            if (!LinkName.IsValidPart(entry.First) || !LinkName.IsValidPart(entry.Second) || entry.First == entry.Second)
            {
                throw new ArgumentException($"Latency entry {entry.First}-{entry.Second} needs two different, valid region names.", nameof(entries));
            }

            if (entry.RoundTrip < TimeSpan.Zero)
            {
                throw new ArgumentException($"Latency entry {entry.First}-{entry.Second} is negative.", nameof(entries));
            }

            if (list.Take(i).Any(e => e.Joins(entry.First, entry.Second)))
            {
                throw new ArgumentException($"Latency between {entry.First} and {entry.Second} is given twice.", nameof(entries));
            }
        }

        Entries = list.AsReadOnly();
    }

    /// <summary>The round-trip time per pair of regions.</summary>
    public IReadOnlyList<RegionLatency> Entries { get; }

    /// <summary>The variation of every round trip that has a latency (± this much); zero for none.</summary>
    public TimeSpan Jitter
    {
        get;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            field = value;
        }
    }

    /// <summary>The round-trip time added between two regions (either order); zero when none is set.</summary>
    /// <param name="a">One region.</param>
    /// <param name="b">The other region.</param>
    /// <returns>The round-trip time.</returns>
    public TimeSpan RoundTripBetween(string a, string b) =>
        Entries.FirstOrDefault(e => e.Joins(a, b))?.RoundTrip ?? TimeSpan.Zero;

    /// <summary>
    /// The largest round-trip time between <paramref name="region"/> and any other region; zero when none is set.
    /// What a per-destination link (<c>*-&gt;region</c>) gets, since it cannot tell its sources apart.
    /// </summary>
    /// <param name="region">The destination region.</param>
    /// <returns>The round-trip time.</returns>
    public TimeSpan LargestRoundTripTo(string region) =>
        Entries.Where(e => e.First == region || e.Second == region).Select(e => e.RoundTrip).DefaultIfEmpty(TimeSpan.Zero).Max();
}
