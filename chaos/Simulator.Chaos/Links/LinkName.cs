using System.Diagnostics.CodeAnalysis;

namespace Simulator.Chaos;

/// <summary>
/// The name of a cross-region proxy, <c>&lt;from&gt;-&gt;&lt;to&gt;:&lt;service&gt;</c>: the connections clients in region
/// <see cref="From"/> open to <see cref="Service"/> in region <see cref="To"/>, e.g. <c>us-&gt;eu:postgres</c> (US
/// application servers to the EU database) or <c>eu-&gt;us:odoo</c>.
/// </summary>
/// <remarks>
/// <para>Names are made of letters, digits, <c>-</c>, <c>_</c> and <c>.</c>; a region may hold a hyphen
/// (<c>eu-west-&gt;us-east:redis</c>) but may not end with one. Comparison is ordinal.</para>
/// <para>The source may be <see cref="AnyRegion"/> (<c>*-&gt;eu:etcd-peer</c>): a <b>per-destination</b> link that
/// clients of every other region share, for peers whose address must be the same for everyone (etcd peer URLs,
/// Patroni's advertised address). The proxy cannot tell its sources apart, so such a link can only be cut for all of
/// them at once (see <see cref="LinkTarget.Matches"/>).</para>
/// </remarks>
public readonly record struct LinkName
{
    /// <summary>The source of a per-destination link: clients in any region (<c>*-&gt;eu:etcd-peer</c>).</summary>
    public const string AnyRegion = "*";

    /// <summary>Creates a link name, checking each part.</summary>
    /// <param name="from">The region the connections start in (the clients').</param>
    /// <param name="to">The region they go to (the server's).</param>
    /// <param name="service">The service they reach, e.g. <c>postgres</c>.</param>
    /// <exception cref="ArgumentException">A part is empty or holds a character names may not hold.</exception>
    public LinkName(string from, string to, string service)
    {
        if (from != AnyRegion)
        {
            CheckPart(from, nameof(from));
        }

        CheckPart(to, nameof(to));
        CheckPart(service, nameof(service));
        From = from;
        To = to;
        Service = service;
    }

    /// <summary>The region the connections start in (the clients').</summary>
    public string From { get; }

    /// <summary>The region the connections go to (the server's).</summary>
    public string To { get; }

    /// <summary>The service reached, e.g. <c>postgres</c>.</summary>
    public string Service { get; }

    /// <summary>True for a per-destination link, whose clients may be in any region (<see cref="AnyRegion"/>).</summary>
    public bool IsFromAnyRegion => From == AnyRegion;

    /// <summary>Parses <c>from-&gt;to:service</c>.</summary>
    /// <param name="text">The name.</param>
    /// <returns>The link name.</returns>
    /// <exception cref="FormatException">The text is not a link name.</exception>
    public static LinkName Parse(string text) =>
        TryParse(text, out var name, out var error) ? name : throw new FormatException(error);

    /// <summary>Tries to parse <c>from-&gt;to:service</c>.</summary>
    /// <param name="text">The name.</param>
    /// <param name="name">The link name, when valid.</param>
    /// <returns>Whether the text is a link name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out LinkName name) => TryParse(text, out name, out _);

    /// <summary>Tries to parse <c>from-&gt;to:service</c>, saying what is wrong when it is not valid.</summary>
    /// <param name="text">The name.</param>
    /// <param name="name">The link name, when valid.</param>
    /// <param name="error">Why the text is not a link name, when it is not.</param>
    /// <returns>Whether the text is a link name.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out LinkName name, [NotNullWhen(false)] out string? error)
    {
        name = default;
        if (string.IsNullOrEmpty(text))
        {
            error = "a link name is written from->to:service, e.g. us->eu:postgres";
            return false;
        }

        var arrow = text.IndexOf("->", StringComparison.Ordinal);
        var colon = arrow < 0 ? -1 : text.IndexOf(':', arrow + 2);
        if (arrow < 0 || colon < 0)
        {
            error = $"`{text}` is not a link name: write from->to:service, e.g. us->eu:postgres";
            return false;
        }

        var from = text[..arrow];
        var to = text[(arrow + 2)..colon];
        var service = text[(colon + 1)..];
        error = (from == AnyRegion ? null : PartError(from, "region")) ?? PartError(to, "region") ?? PartError(service, "service");
        if (error is not null)
        {
            error = $"`{text}` is not a link name: {error}";
            return false;
        }

        name = new LinkName(from, to, service);
        return true;
    }

    /// <summary>Whether <paramref name="text"/> may be a region or service name in a link name.</summary>
    /// <param name="text">The name.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValidPart([NotNullWhen(true)] string? text) => PartError(text, "name") is null;

    /// <summary>
    /// True when the link joins <paramref name="region"/> to another region, either way. A per-destination link
    /// touches its destination only: its sources are not known.
    /// </summary>
    /// <param name="region">A region.</param>
    /// <returns>Whether the region is one end of the link.</returns>
    public bool Touches(string region) => From == region || To == region;

    /// <summary>Writes <c>from-&gt;to:service</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => From is null ? "" : $"{From}->{To}:{Service}";

    private static void CheckPart(string value, string parameter)
    {
        if (PartError(value, parameter) is { } error)
        {
            throw new ArgumentException(error, parameter);
        }
    }

    private static string? PartError(string? part, string what)
    {
        if (string.IsNullOrEmpty(part))
        {
            return $"the {what} is empty";
        }

        foreach (var c in part)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return $"the {what} `{part}` holds `{c}`; use letters, digits, '-', '_' and '.'";
            }
        }

        return part.EndsWith('-') || part.StartsWith('-') ? $"the {what} `{part}` may not start or end with '-'" : null;
    }
}
