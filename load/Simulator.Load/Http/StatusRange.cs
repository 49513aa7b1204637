using System.Globalization;

namespace Simulator.Load.Http;

/// <summary>An inclusive range of HTTP status codes the <see cref="HttpWorkload"/> accepts as OK.</summary>
/// <param name="Min">The lowest accepted status.</param>
/// <param name="Max">The highest accepted status.</param>
public readonly record struct StatusRange(int Min, int Max)
{
    /// <summary>Any 2xx status.</summary>
    public static StatusRange Success { get; } = new(200, 299);

    /// <summary>Whether <paramref name="status"/> is in the range.</summary>
    /// <param name="status">The status code.</param>
    /// <returns>True when accepted.</returns>
    public bool Contains(int status) => status >= Min && status <= Max;

    /// <summary>Parses <c>200</c>, <c>2xx</c> or <c>200-204</c>.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The range.</returns>
    /// <exception cref="FormatException">The text is none of those forms, or not within 100–599.</exception>
    public static StatusRange Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string t = text.Trim();
        StatusRange range;
        if (t.Length == 3 && char.IsAsciiDigit(t[0]) && t[1..].Equals("xx", StringComparison.OrdinalIgnoreCase))
        {
            int hundreds = (t[0] - '0') * 100;
            range = new StatusRange(hundreds, hundreds + 99);
        }
        else if (t.Split('-', 2, StringSplitOptions.TrimEntries) is [var low, var high]
            && int.TryParse(low, NumberStyles.None, CultureInfo.InvariantCulture, out int min)
            && int.TryParse(high, NumberStyles.None, CultureInfo.InvariantCulture, out int max))
        {
            range = new StatusRange(min, max);
        }
        else if (int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out int single))
        {
            range = new StatusRange(single, single);
        }
        else
        {
            throw new FormatException($"'{text}' is not a status: write 200, 2xx or 200-204");
        }

        return range.Min is >= 100 and <= 599 && range.Max is >= 100 and <= 599 && range.Min <= range.Max
            ? range
            : throw new FormatException($"'{text}' is not a range of HTTP statuses (100–599, low to high)");
    }

    /// <inheritdoc />
    public override string ToString()
        => Min == Max ? Min.ToString(CultureInfo.InvariantCulture)
            : Min % 100 == 0 && Max == Min + 99 ? $"{Min / 100}xx"
            : string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}
