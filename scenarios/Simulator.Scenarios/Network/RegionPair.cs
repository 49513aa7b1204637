using System.Diagnostics.CodeAnalysis;

namespace Simulator.Scenarios;

/// <summary>
/// Two regions joined by a network link, as written in a scenario: <c>eu-us</c>, or
/// <c>eu-west&lt;-&gt;us-east</c> when a region name itself holds a hyphen. Links are symmetric:
/// use <see cref="SameLinkAs"/> to compare regardless of order.
/// </summary>
public readonly record struct RegionPair
{
    private const string FormHint = "write two regions joined by a hyphen, such as eu-us, or eu-west<->us-east when a name holds a hyphen";

    /// <summary>Creates a pair of regions.</summary>
    /// <param name="first">The first region as written.</param>
    /// <param name="second">The second region as written.</param>
    public RegionPair(string first, string second)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(first);
        ArgumentException.ThrowIfNullOrWhiteSpace(second);
        First = first;
        Second = second;
    }

    /// <summary>The first region as written.</summary>
    public string First { get; }

    /// <summary>The second region as written.</summary>
    public string Second { get; }

    /// <summary>True when this pair joins the same two regions as <paramref name="other"/>, in either order.</summary>
    /// <param name="other">Another pair.</param>
    /// <returns>Whether both pairs name the same link.</returns>
    public bool SameLinkAs(RegionPair other) =>
        (First == other.First && Second == other.Second) || (First == other.Second && Second == other.First);

    /// <summary>True when the link touches <paramref name="region"/>.</summary>
    /// <param name="region">A region name.</param>
    /// <returns>Whether the region is one end of the link.</returns>
    public bool Contains(string region) => First == region || Second == region;

    /// <summary>Parses <c>eu-us</c> or <c>eu-west&lt;-&gt;us-east</c>.</summary>
    /// <param name="text">The pair text.</param>
    /// <returns>The pair.</returns>
    /// <exception cref="FormatException">The text is not a pair of regions.</exception>
    public static RegionPair Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error.ToString());

    /// <summary>Tries to parse <c>eu-us</c> or <c>eu-west&lt;-&gt;us-east</c>.</summary>
    /// <param name="text">The pair text.</param>
    /// <param name="value">The pair, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a pair of regions.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out RegionPair value) => TryParse(text, out value, out _);

    /// <summary>Tries to parse a pair of regions, reporting what is wrong when it is not valid.</summary>
    /// <param name="text">The pair text.</param>
    /// <param name="value">The pair, when the text is valid.</param>
    /// <param name="error">Why the text is not a pair, when it is not.</param>
    /// <returns><see langword="true"/> when the text is a pair of regions.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out RegionPair value, [NotNullWhen(false)] out ValueParseError? error)
    {
        value = default;
        var s = text?.Trim() ?? string.Empty;
        string[] parts;
        if (s.Contains("<->", StringComparison.Ordinal))
        {
            parts = s.Split("<->");
        }
        else if (s.Count(c => c == '-') == 1)
        {
            parts = s.Split('-');
        }
        else
        {
            error = new ValueParseError($"`{s}` is not a pair of regions", FormHint, 0);
            return false;
        }

        if (parts.Length != 2 || !Names.IsValid(parts[0].Trim()) || !Names.IsValid(parts[1].Trim()))
        {
            error = new ValueParseError($"`{s}` is not a pair of regions", FormHint, 0);
            return false;
        }

        value = new RegionPair(parts[0].Trim(), parts[1].Trim());
        error = null;
        return true;
    }

    /// <summary>Writes <c>eu-us</c>, or <c>eu-west&lt;-&gt;us-east</c> when a name holds a hyphen.</summary>
    public override string ToString() =>
        First.Contains('-', StringComparison.Ordinal) || Second.Contains('-', StringComparison.Ordinal)
            ? $"{First}<->{Second}"
            : $"{First}-{Second}";
}
