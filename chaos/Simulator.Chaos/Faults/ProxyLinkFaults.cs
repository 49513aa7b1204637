using System.Globalization;
using System.Net;

namespace Simulator.Chaos;

/// <summary>
/// <see cref="ILinkFaults"/> over a <see cref="ProxyMesh"/>: each fault is a set of toxics named
/// <c>sim_fault_&lt;tag&gt;_&lt;id&gt;</c> (replies) and <c>..._upstream</c> (requests) on the links it selects.
/// </summary>
/// <remarks>
/// <para>A fault on many links is applied with the server's atomic partition extension (<c>POST /x/partition</c>)
/// where it has it, so every link switches in one step; against the real Toxiproxy the client falls back to one
/// request per link, and a <c>blackhole</c> becomes <c>timeout</c> toxics of 0 on both streams. A fault that
/// puts toxics on both streams switches them in two steps (replies, then requests), microseconds apart.</para>
/// <para>Partitions: both ways is a <c>blackhole</c> on every selected link (connections stay open, nothing
/// passes). One way, from side A to side B, holds the requests (<c>upstream</c>) of the links whose clients are
/// in A and the replies (<c>downstream</c>) of the links whose clients are in B, with a <c>timeout</c> of 0;
/// for a single link (<c>eu-&gt;us:postgres</c>) it holds that link's requests only.</para>
/// </remarks>
public sealed class ProxyLinkFaults : ILinkFaults
{
    /// <summary>Every fault toxic's name starts with this, which is how <see cref="HealAllAsync"/> finds leftovers.</summary>
    public const string ToxicPrefix = "sim_fault_";

    private readonly ProxyMesh _mesh;
    private readonly string _tag = Random.Shared.Next(0x10000).ToString("x4", CultureInfo.InvariantCulture);
    private readonly Lock _gate = new();
    private readonly Dictionary<long, LinkFault> _active = [];
    private long _nextId;

    /// <summary>Creates fault actions over <paramref name="mesh"/>.</summary>
    /// <param name="mesh">The proxied links.</param>
    public ProxyLinkFaults(ProxyMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        _mesh = mesh;
    }

    /// <summary>The faults in effect, oldest first.</summary>
    public IReadOnlyList<LinkFault> Active
    {
        get
        {
            lock (_gate)
            {
                return [.. _active.Values.OrderBy(f => f.Id)];
            }
        }
    }

    /// <inheritdoc/>
    public Task<LinkFault> AddLatencyAsync(LinkTarget target, TimeSpan roundTrip, TimeSpan jitter, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(roundTrip, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(jitter, TimeSpan.Zero);
        var split = RoundTripSplit.Of(roundTrip);
        var jitterSplit = RoundTripSplit.Of(jitter);
        return ApplyBothStreamsAsync("latency", target, (name, stream) => ProxyMesh.LatencySpec(
            name,
            stream,
            stream == ToxicDirection.Upstream ? split.UpstreamMilliseconds : split.DownstreamMilliseconds,
            stream == ToxicDirection.Upstream ? jitterSplit.UpstreamMilliseconds : jitterSplit.DownstreamMilliseconds), cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<LinkFault> PartitionAsync(LinkTarget target, PartitionDirection direction = PartitionDirection.Both, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (direction == PartitionDirection.Both)
        {
            var links = Select(target);
            var name = NextName();
            await ApplyAsync(links, [new ToxicSpec(ToxicTypes.Blackhole) { Name = name }], cancellationToken);
            return Track(name, "partition", target, links);
        }

        var (requests, replies) = SelectOneWay(target);
        var holdName = NextName();
        var hold = new ToxicSpec(ToxicTypes.Timeout) { Attributes = new Dictionary<string, long> { ["timeout"] = 0 } };
        var all = requests.Concat(replies).ToList();
        try
        {
            if (replies.Count > 0)
            {
                await _mesh.Client.PartitionAsync(Names(replies), hold with { Name = holdName, Stream = ToxicDirection.Downstream }, cancellationToken);
            }

            if (requests.Count > 0)
            {
                await _mesh.Client.PartitionAsync(Names(requests), hold with { Name = holdName + ToxicPairs.UpstreamSuffix, Stream = ToxicDirection.Upstream }, cancellationToken);
            }
        }
        catch
        {
            await RemoveQuietlyAsync(all, holdName);
            throw;
        }

        return Track(holdName, "partition", target, all);
    }

    /// <inheritdoc/>
    public Task<LinkFault> TimeoutAsync(LinkTarget target, TimeSpan? after = null, CancellationToken cancellationToken = default)
    {
        var milliseconds = (long)Math.Max(0, Math.Ceiling((after ?? TimeSpan.Zero).TotalMilliseconds));
        return ApplyBothStreamsAsync("timeout", target, (name, stream) => new ToxicSpec(ToxicTypes.Timeout)
        {
            Name = name,
            Stream = stream,
            Attributes = new Dictionary<string, long> { ["timeout"] = milliseconds },
        }, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<LinkFault> ResetAsync(LinkTarget target, CancellationToken cancellationToken = default) =>
        ApplyBothStreamsAsync("reset", target, (name, stream) => new ToxicSpec(ToxicTypes.ResetPeer)
        {
            Name = name,
            Stream = stream,
            Attributes = new Dictionary<string, long> { ["timeout"] = 0 },
        }, cancellationToken);

    /// <inheritdoc/>
    public async Task HealAsync(LinkFault fault, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fault);
        LinkFault? current;
        lock (_gate)
        {
            _active.TryGetValue(fault.Id, out current);
        }

        if (current is null || current.ToxicName != fault.ToxicName)
        {
            return;
        }

        await RemoveAsync(current.Links, current.ToxicName, cancellationToken);
        lock (_gate)
        {
            _active.Remove(fault.Id);
        }
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LinkFault>> HealAsync(LinkTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var healed = new List<LinkFault>();
        foreach (var fault in Active)
        {
            var hit = fault.Links.Where(target.Matches).ToList();
            if (hit.Count == 0)
            {
                continue;
            }

            await RemoveAsync(hit, fault.ToxicName, cancellationToken);
            var rest = fault.Links.Except(hit).ToList();
            lock (_gate)
            {
                if (rest.Count == 0)
                {
                    _active.Remove(fault.Id);
                }
                else
                {
                    _active[fault.Id] = fault with { Links = rest };
                }
            }

            if (rest.Count == 0)
            {
                healed.Add(fault);
            }
        }

        return healed;
    }

    /// <inheritdoc/>
    /// <remarks>Also removes fault toxics this instance does not know of (left by another process, or by a failed call).</remarks>
    public async Task<IReadOnlyList<LinkFault>> HealAllAsync(CancellationToken cancellationToken = default)
    {
        var healed = new List<LinkFault>();
        foreach (var fault in Active)
        {
            await HealAsync(fault, cancellationToken);
            healed.Add(fault);
        }

        if (_mesh.Links.Count == 0)
        {
            return healed;
        }

        var proxies = await _mesh.Client.GetProxiesAsync(cancellationToken);
        foreach (var link in _mesh.Links)
        {
            if (!proxies.TryGetValue(link.Name.ToString(), out var proxy))
            {
                continue;
            }

            foreach (var toxic in proxy.Toxics.Where(t => t.Name.StartsWith(ToxicPrefix, StringComparison.Ordinal)))
            {
                await RemoveToxicIfPresentAsync(proxy.Name, toxic.Name, cancellationToken);
            }
        }

        return healed;
    }

    private async Task<LinkFault> ApplyBothStreamsAsync(string kind, LinkTarget target, Func<string, ToxicDirection, ToxicSpec> spec, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var links = Select(target);
        var name = NextName();
        await ApplyAsync(links, [spec(name, ToxicDirection.Downstream), spec(name + ToxicPairs.UpstreamSuffix, ToxicDirection.Upstream)], cancellationToken);
        return Track(name, kind, target, links);
    }

    private async Task ApplyAsync(IReadOnlyList<LinkName> links, IReadOnlyList<ToxicSpec> toxics, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var toxic in toxics)
            {
                await _mesh.Client.PartitionAsync(Names(links), toxic, cancellationToken);
            }
        }
        catch
        {
            // Leave nothing half applied behind.
            await RemoveQuietlyAsync(links, toxics[0].Name!);
            throw;
        }
    }

    private List<LinkName> Select(LinkTarget target)
    {
        var links = _mesh.Resolve(target).Select(l => l.Name).ToList();
        return links.Count > 0 ? links : throw new InvalidOperationException($"No proxied link matches `{target}`.");
    }

    /// <summary>The links whose requests, and those whose replies, carry traffic from the target's first side to its second.</summary>
    private (List<LinkName> Requests, List<LinkName> Replies) SelectOneWay(LinkTarget target)
    {
        var names = _mesh.Links.Select(l => l.Name);
        var (requests, replies) = target.Kind switch
        {
            LinkTargetKind.Region => (names.Where(n => n.From == target.First).ToList(), names.Where(n => n.To == target.First).ToList()),
            LinkTargetKind.Pair => (
                names.Where(n => n.From == target.First && n.To == target.Second).ToList(),
                names.Where(n => n.From == target.Second && n.To == target.First).ToList()),
            LinkTargetKind.Link => (names.Where(target.Matches).ToList(), []),
            _ => throw new ArgumentException("A one-way partition needs a region, a pair of regions or a link, not all.", nameof(target)),
        };
        return requests.Count + replies.Count > 0 ? (requests, replies) : throw new InvalidOperationException($"No proxied link matches `{target}`.");
    }

    private string NextName() =>
        string.Create(CultureInfo.InvariantCulture, $"{ToxicPrefix}{_tag}_{Interlocked.Increment(ref _nextId)}");

    private LinkFault Track(string toxicName, string kind, LinkTarget target, IReadOnlyList<LinkName> links)
    {
        var id = long.Parse(toxicName[(toxicName.LastIndexOf('_') + 1)..], CultureInfo.InvariantCulture);
        var fault = new LinkFault(id, kind, target, toxicName, links);
        lock (_gate)
        {
            _active[id] = fault;
        }

        return fault;
    }

    private async Task RemoveAsync(IEnumerable<LinkName> links, string toxicName, CancellationToken cancellationToken)
    {
        await _mesh.Client.HealPairAsync(Names(links), toxicName, cancellationToken);
    }

    private async Task RemoveQuietlyAsync(IEnumerable<LinkName> links, string toxicName)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await RemoveAsync(links, toxicName, timeout.Token);
        }
        catch (Exception ex) when (ex is ToxiproxyException or HttpRequestException or OperationCanceledException)
        {
            // Best effort: the original failure is what the caller needs to see.
        }
    }

    private async Task RemoveToxicIfPresentAsync(string proxy, string toxic, CancellationToken cancellationToken)
    {
        try
        {
            await _mesh.Client.RemoveToxicAsync(proxy, toxic, cancellationToken);
        }
        catch (ToxiproxyException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
        {
            // Removed meanwhile.
        }
    }

    private static List<string> Names(IEnumerable<LinkName> links) => [.. links.Select(l => l.ToString())];
}
