using System.Diagnostics.CodeAnalysis;

namespace Simulator.Chaos;

/// <summary>
/// What a network fault acts on: every link (<c>all</c>), a region's links (<c>apac</c>), the links between two
/// regions (<c>eu-us</c>, or <c>eu-west&lt;-&gt;us-east</c> when names hold hyphens), or the links from one region
/// to another (<c>eu-&gt;us</c>, all services; <c>eu-&gt;us:postgres</c>, one proxy).
/// </summary>
public sealed record LinkTarget
{
    private LinkTarget(LinkTargetKind kind, string? first, string? second, string? service)
    {
        Kind = kind;
        First = first;
        Second = second;
        Service = service;
    }

    /// <summary>Every proxied link.</summary>
    public static LinkTarget All { get; } = new(LinkTargetKind.All, null, null, null);

    /// <summary>What is selected.</summary>
    public LinkTargetKind Kind { get; }

    /// <summary>The region (<see cref="LinkTargetKind.Region"/>), the pair's first region, or the link's client region; null for all.</summary>
    public string? First { get; }

    /// <summary>The pair's second region or the link's server region; null otherwise.</summary>
    public string? Second { get; }

    /// <summary>The link's service; null for every service (and for the other kinds).</summary>
    public string? Service { get; }

    /// <summary>Every link into or out of <paramref name="region"/>.</summary>
    /// <param name="region">The region.</param>
    /// <returns>The target.</returns>
    public static LinkTarget Region(string region)
    {
        CheckName(region, nameof(region));
        return new(LinkTargetKind.Region, region, null, null);
    }

    /// <summary>Every link between <paramref name="first"/> and <paramref name="second"/>, both ways.</summary>
    /// <param name="first">One region.</param>
    /// <param name="second">The other region.</param>
    /// <returns>The target.</returns>
    public static LinkTarget Between(string first, string second)
    {
        CheckName(first, nameof(first));
        CheckName(second, nameof(second));
        if (first == second)
        {
            throw new ArgumentException("A pair needs two different regions.", nameof(second));
        }

        return new(LinkTargetKind.Pair, first, second, null);
    }

    /// <summary>The links clients in <paramref name="from"/> open to <paramref name="service"/> in <paramref name="to"/> (every service when null).</summary>
    /// <param name="from">The clients' region.</param>
    /// <param name="to">The servers' region.</param>
    /// <param name="service">One service, or null for all.</param>
    /// <returns>The target.</returns>
    public static LinkTarget Link(string from, string to, string? service = null)
    {
        if (from != LinkName.AnyRegion)
        {
            CheckName(from, nameof(from));
        }

        CheckName(to, nameof(to));
        if (service is not null)
        {
            CheckName(service, nameof(service));
        }

        return new(LinkTargetKind.Link, from, to, service);
    }

    /// <summary>Exactly one proxied link.</summary>
    /// <param name="name">The link.</param>
    /// <returns>The target.</returns>
    public static LinkTarget Link(LinkName name) => Link(name.From, name.To, name.Service);

    /// <summary>Whether <paramref name="link"/> is selected (in either of its directions).</summary>
    /// <remarks>
    /// A per-destination link (<c>*-&gt;eu:etcd-peer</c>, shared by every source region) is selected by <c>all</c>, by
    /// its destination region (<c>eu</c>) and by a link target written with <c>*</c> (<c>*-&gt;eu</c>,
    /// <c>*-&gt;eu:etcd-peer</c>) — never by another region, a pair or a link from a named region, since cutting it
    /// would cut every other source region as well. So partitioning region <c>us</c> leaves the connections us
    /// opens to <c>*-&gt;eu</c> links flowing; partitioning <c>eu</c> cuts them for everyone.
    /// </remarks>
    /// <param name="link">A proxied link.</param>
    /// <returns>True when selected.</returns>
    public bool Matches(LinkName link) => Kind switch
    {
        LinkTargetKind.All => true,
        LinkTargetKind.Region => link.Touches(First!),
        LinkTargetKind.Pair => (link.From == First && link.To == Second) || (link.From == Second && link.To == First),
        _ => link.From == First && link.To == Second && (Service is null || link.Service == Service),
    };

    /// <summary>The regions the target names (none for all; the destination alone for <c>*-&gt;to</c>).</summary>
    /// <returns>The regions.</returns>
    public IReadOnlyList<string> Regions() => Kind switch
    {
        LinkTargetKind.All => [],
        LinkTargetKind.Region => [First!],
        LinkTargetKind.Link when First == LinkName.AnyRegion => [Second!],
        _ => [First!, Second!],
    };

    /// <summary>
    /// Parses a target as a scenario writes it. A text equal to one of <paramref name="knownRegions"/> is that
    /// region even when it holds a hyphen; otherwise <c>a-&gt;b[:svc]</c> is a link, <c>a&lt;-&gt;b</c> or a text with a
    /// single hyphen a pair, <c>all</c> every link, and any other name a region.
    /// </summary>
    /// <param name="text">The target text.</param>
    /// <param name="knownRegions">The topology's regions, to read hyphenated names right; may be empty.</param>
    /// <returns>The target.</returns>
    /// <exception cref="FormatException">The text is not a target.</exception>
    public static LinkTarget Parse(string text, IEnumerable<string>? knownRegions = null) =>
        TryParse(text, knownRegions, out var target, out var error) ? target : throw new FormatException(error);

    /// <summary>Tries to parse a target; see <see cref="Parse"/>.</summary>
    /// <param name="text">The target text.</param>
    /// <param name="knownRegions">The topology's regions; may be null.</param>
    /// <param name="target">The target, when valid.</param>
    /// <param name="error">Why the text is not a target, when it is not.</param>
    /// <returns>Whether the text is a target.</returns>
    public static bool TryParse(
        [NotNullWhen(true)] string? text,
        IEnumerable<string>? knownRegions,
        [NotNullWhen(true)] out LinkTarget? target,
        [NotNullWhen(false)] out string? error)
    {
        target = null;
        error = null;
        var s = text?.Trim() ?? "";
        if (s.Length == 0)
        {
            error = "the target is empty";
            return false;
        }

        if (knownRegions is not null && knownRegions.Contains(s, StringComparer.Ordinal))
        {
            target = Region(s);
            return true;
        }

        if (s == "all")
        {
            target = All;
            return true;
        }

        var arrow = s.IndexOf("->", StringComparison.Ordinal);
        if (arrow >= 0 && !s.Contains("<->", StringComparison.Ordinal))
        {
            var rest = s[(arrow + 2)..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            var from = s[..arrow];
            var to = colon < 0 ? rest : rest[..colon];
            var service = colon < 0 ? null : rest[(colon + 1)..];
            if (!(from == LinkName.AnyRegion || LinkName.IsValidPart(from)) || !LinkName.IsValidPart(to) || (service is not null && !LinkName.IsValidPart(service)) || from == to)
            {
                error = $"`{s}` is not a link: write from->to or from->to:service with two different regions";
                return false;
            }

            target = Link(from, to, service);
            return true;
        }

        string[]? pair = s.Contains("<->", StringComparison.Ordinal) ? s.Split("<->")
            : s.Count(c => c == '-') == 1 ? s.Split('-')
            : null;
        if (pair is not null)
        {
            if (pair.Length != 2 || !LinkName.IsValidPart(pair[0].Trim()) || !LinkName.IsValidPart(pair[1].Trim()) || pair[0].Trim() == pair[1].Trim())
            {
                error = $"`{s}` is not a pair of regions: write eu-us, or eu-west<->us-east when a name holds a hyphen";
                return false;
            }

            target = Between(pair[0].Trim(), pair[1].Trim());
            return true;
        }

        if (!LinkName.IsValidPart(s))
        {
            error = $"`{s}` is not a region, a pair of regions or a link";
            return false;
        }

        target = Region(s);
        return true;
    }

    /// <summary>Writes the target as a scenario would.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Kind switch
    {
        LinkTargetKind.All => "all",
        LinkTargetKind.Region => First!,
        LinkTargetKind.Pair => First!.Contains('-', StringComparison.Ordinal) || Second!.Contains('-', StringComparison.Ordinal)
            ? $"{First}<->{Second}"
            : $"{First}-{Second}",
        _ => Service is null ? $"{First}->{Second}" : $"{First}->{Second}:{Service}",
    };

    private static void CheckName(string value, string parameter)
    {
        if (!LinkName.IsValidPart(value))
        {
            throw new ArgumentException($"`{value}` is not a valid region or service name.", parameter);
        }
    }
}
