namespace Simulator.Chaos;

/// <summary>
/// The cross-region links of a topology, each behind its own proxy on a Toxiproxy-compatible server (this
/// project's <see cref="ToxiproxyServer"/> or the real Toxiproxy), named <c>&lt;from&gt;-&gt;&lt;to&gt;:&lt;service&gt;</c>.
/// </summary>
/// <remarks>
/// <code>
/// var mesh = await ProxyMesh.CreateAsync(client, [new CrossRegionLink("us", "eu", "postgres", "127.0.0.1:5432")], ct);
/// var listen = mesh.Get(LinkName.Parse("us-&gt;eu:postgres")).Listen;     // point US clients here
/// await mesh.ApplyLatencyAsync(new LatencyMatrix([new RegionLatency("eu", "us", TimeSpan.FromMilliseconds(80))]) { Jitter = TimeSpan.FromMilliseconds(5) }, ct);
/// ILinkFaults faults = new ProxyLinkFaults(mesh);
/// </code>
/// Proxies listen on port 0 (a free port) and the mesh reports the real one. The mesh does not own the server:
/// disposing the server removes the proxies; <see cref="DeleteAsync"/> removes them from a server that stays.
/// </remarks>
public sealed class ProxyMesh
{
    /// <summary>The name of the toxics <see cref="ApplyLatencyAsync"/> puts on links: this on the replies, <c>sim_latency_upstream</c> on the requests.</summary>
    public const string LatencyToxicName = "sim_latency";

    private readonly Dictionary<LinkName, MeshLink> _byName;

    private ProxyMesh(ToxiproxyClient client, IReadOnlyList<MeshLink> links)
    {
        Client = client;
        Links = links;
        _byName = links.ToDictionary(l => l.Name);
        Regions = [.. links.SelectMany(l => new[] { l.Name.From, l.Name.To })
            .Where(r => r != LinkName.AnyRegion)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The client driving the proxies.</summary>
    public ToxiproxyClient Client { get; }

    /// <summary>Every link, in the order created.</summary>
    public IReadOnlyList<MeshLink> Links { get; }

    /// <summary>The regions at either end of some link, sorted (<see cref="LinkName.AnyRegion"/> left out).</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>
    /// Creates one proxy per link, listening on a free port of 127.0.0.1, in one <c>POST /populate</c>: nothing
    /// is created if any entry is invalid. Running it again against the same server keeps proxies that already
    /// match (same upstream), with their ports, toxics and connections.
    /// </summary>
    /// <param name="client">The fault proxy's client.</param>
    /// <param name="links">The cross-region links.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The mesh, with each link's real listen address.</returns>
    public static Task<ProxyMesh> CreateAsync(ToxiproxyClient client, IEnumerable<CrossRegionLink> links, CancellationToken cancellationToken = default) =>
        CreateAsync(client, links, "127.0.0.1", cancellationToken);

    /// <summary>Creates one proxy per link listening on a free port of <paramref name="listenHost"/>; see the other overload.</summary>
    /// <param name="client">The fault proxy's client.</param>
    /// <param name="links">The cross-region links.</param>
    /// <param name="listenHost">The address the proxies listen on, e.g. <c>127.0.0.1</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The mesh.</returns>
    /// <exception cref="ArgumentException">Two links have the same name, or a link has no upstream.</exception>
    /// <exception cref="ToxiproxyException">The server refused (e.g. an upstream it cannot parse).</exception>
    public static async Task<ProxyMesh> CreateAsync(ToxiproxyClient client, IEnumerable<CrossRegionLink> links, string listenHost, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(links);
        ArgumentException.ThrowIfNullOrWhiteSpace(listenHost);
        var list = links.ToList();
        var duplicate = list.GroupBy(l => l.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"The link {duplicate.Key} is given more than once.", nameof(links));
        }

        var missing = list.Find(l => string.IsNullOrWhiteSpace(l.Upstream));
        if (missing is not null)
        {
            throw new ArgumentException($"The link {missing.Name} has no upstream address.", nameof(links));
        }

        if (list.Count == 0)
        {
            return new ProxyMesh(client, []);
        }

        var host = listenHost.Contains(':', StringComparison.Ordinal) && !listenHost.StartsWith('[') ? $"[{listenHost}]" : listenHost;
        var created = await client.PopulateAsync(list.Select(l => new ProxyConfig(l.Name.ToString(), host + ":0", l.Upstream)), cancellationToken);
        var byName = created.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var meshLinks = list.Select(l => byName.TryGetValue(l.Name.ToString(), out var proxy)
                ? new MeshLink(l.Name, proxy.Listen, proxy.Upstream)
                : throw new ToxiproxyException($"The fault proxy did not report the proxy {l.Name} it was asked to create."))
            .ToList();
        return new ProxyMesh(client, meshLinks);
    }

    /// <summary>
    /// A mesh over the proxies a server already has whose names are link names (<c>from-&gt;to:service</c>), for
    /// tools that attach to a running topology. Other proxies are ignored.
    /// </summary>
    /// <param name="client">The fault proxy's client.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The mesh, links sorted by name.</returns>
    public static async Task<ProxyMesh> AttachAsync(ToxiproxyClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var proxies = await client.GetProxiesAsync(cancellationToken);
        var links = proxies.Values
            .Select(p => LinkName.TryParse(p.Name, out var name) ? new MeshLink(name, p.Listen, p.Upstream) : null)
            .OfType<MeshLink>()
            .OrderBy(l => l.Name.ToString(), StringComparer.Ordinal)
            .ToList();
        return new ProxyMesh(client, links);
    }

    /// <summary>The link of that name.</summary>
    /// <param name="name">The link's name.</param>
    /// <returns>The link.</returns>
    /// <exception cref="KeyNotFoundException">The mesh has no such link.</exception>
    public MeshLink Get(LinkName name) =>
        _byName.TryGetValue(name, out var link) ? link : throw new KeyNotFoundException($"The mesh has no link {name}.");

    /// <summary>The link of that name, if the mesh has it.</summary>
    /// <param name="name">The link's name.</param>
    /// <param name="link">The link, when found.</param>
    /// <returns>Whether the mesh has it.</returns>
    public bool TryGet(LinkName name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out MeshLink? link) => _byName.TryGetValue(name, out link);

    /// <summary>The links a target selects (both directions of a pair, everything touching a region, ...).</summary>
    /// <param name="target">The target.</param>
    /// <returns>The links, in mesh order; empty when none matches.</returns>
    public IReadOnlyList<MeshLink> Resolve(LinkTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return [.. Links.Where(l => target.Matches(l.Name))];
    }

    /// <summary>
    /// Sets the base latency of every link to what <paramref name="matrix"/> says for its two regions: for each pair
    /// of regions, one <c>latency</c> toxic on the replies (<see cref="LatencyToxicName"/>, half the round trip) and one
    /// on the requests (<c>sim_latency_upstream</c>, the other half) of every link between them, in both directions
    /// and for every service; each pair's links change in one atomic step where the server has the partition
    /// extension. Links between regions the matrix leaves out lose their base latency. Faults' toxics are kept.
    /// A per-destination link (<c>*-&gt;eu:etcd-peer</c>) cannot know where each connection comes from: it gets the
    /// largest round trip the matrix gives between its destination and any other region, so no cross-region
    /// client is faster than it should be (a nearer one is slower).
    /// </summary>
    /// <param name="matrix">Round-trip times per pair of regions, and their jitter (see <see cref="LatencyMatrix"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once applied.</returns>
    public async Task ApplyLatencyAsync(LatencyMatrix matrix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var jitter = RoundTripSplit.Of(matrix.Jitter);
        var pairs = Links.GroupBy(l => string.CompareOrdinal(l.Name.From, l.Name.To) < 0 ? (l.Name.From, l.Name.To) : (l.Name.To, l.Name.From));
        foreach (var pair in pairs)
        {
            var names = pair.Select(l => l.Name.ToString()).ToList();
            var roundTrip = pair.Key.Item1 == LinkName.AnyRegion
                ? matrix.LargestRoundTripTo(pair.Key.Item2)
                : matrix.RoundTripBetween(pair.Key.Item1, pair.Key.Item2);
            if (roundTrip <= TimeSpan.Zero)
            {
                await Client.HealPairAsync(names, LatencyToxicName, cancellationToken);
                continue;
            }

            var split = RoundTripSplit.Of(roundTrip);
            await Client.PartitionAsync(names, LatencySpec(LatencyToxicName, ToxicDirection.Downstream, split.DownstreamMilliseconds, jitter.DownstreamMilliseconds), cancellationToken);
            await Client.PartitionAsync(names, LatencySpec(LatencyToxicName + ToxicPairs.UpstreamSuffix, ToxicDirection.Upstream, split.UpstreamMilliseconds, jitter.UpstreamMilliseconds), cancellationToken);
        }
    }

    /// <summary>Removes the base latency from every link (faults' toxics are kept).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once removed.</returns>
    public async Task ClearLatencyAsync(CancellationToken cancellationToken = default)
    {
        if (Links.Count > 0)
        {
            await Client.HealPairAsync([.. Links.Select(l => l.Name.ToString())], LatencyToxicName, cancellationToken);
        }
    }

    /// <summary>Deletes every link's proxy from the server (closing their connections); missing ones are skipped.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once deleted.</returns>
    public async Task DeleteAsync(CancellationToken cancellationToken = default)
    {
        foreach (var link in Links)
        {
            try
            {
                await Client.DeleteProxyAsync(link.Name.ToString(), cancellationToken);
            }
            catch (ToxiproxyException ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Already gone.
            }
        }
    }

    internal static ToxicSpec LatencySpec(string name, ToxicDirection stream, long latencyMilliseconds, long jitterMilliseconds) =>
        new(ToxicTypes.Latency)
        {
            Name = name,
            Stream = stream,
            Attributes = new Dictionary<string, long> { ["latency"] = latencyMilliseconds, ["jitter"] = jitterMilliseconds },
        };
}
