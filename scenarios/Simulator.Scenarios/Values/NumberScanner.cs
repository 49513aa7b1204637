using System.Globalization;

namespace Simulator.Scenarios;

/// <summary>
/// Reads unsigned decimal numbers (<c>20</c>, <c>0.5</c>) without culture, sign or exponent,
/// which is the only number form scenario values accept.
/// </summary>
internal static class NumberScanner
{
    /// <summary>
    /// Scans a number at <paramref name="start"/>; returns the characters consumed, or 0 when
    /// there is no number there (or it is malformed, like <c>1.</c> or too long to hold).
    /// </summary>
    public static int Scan(string text, int start, out decimal value)
    {
        value = 0;
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        if (i == start)
        {
            return 0;
        }

        if (i < text.Length && text[i] == '.')
        {
            var fractionStart = i + 1;
            var j = fractionStart;
            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            if (j == fractionStart)
            {
                return 0;
            }

            i = j;
        }

        return decimal.TryParse(text.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            ? i - start
            : 0;
    }

    /// <summary>True when the whole text is one unsigned decimal number.</summary>
    public static bool IsNumber(string text, out decimal value) =>
        Scan(text, 0, out value) is var length && length > 0 && length == text.Length;

    /// <summary>Formats a number the way a scenario file would write it (invariant, no trailing zeros).</summary>
    public static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
