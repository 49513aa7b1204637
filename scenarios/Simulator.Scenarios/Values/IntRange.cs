using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Simulator.Scenarios;

/// <summary>
/// An inclusive range of whole numbers, written <c>5..30</c>, or a single number <c>5</c>
/// (a range of one). Used for example for the number of lines per imported order.
/// </summary>
public readonly record struct IntRange
{
    /// <summary>Creates an inclusive range.</summary>
    /// <param name="min">The smallest value; not negative.</param>
    /// <param name="max">The largest value; at least <paramref name="min"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">The bounds are negative or reversed.</exception>
    public IntRange(int min, int max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(min);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        Min = min;
        Max = max;
    }

    /// <summary>The smallest value, inclusive.</summary>
    public int Min { get; }

    /// <summary>The largest value, inclusive.</summary>
    public int Max { get; }

    /// <summary>True when the range holds one value.</summary>
    public bool IsSingle => Min == Max;

    /// <summary>A range holding one value.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The range <c>value..value</c>.</returns>
    public static IntRange Exactly(int value) => new(value, value);

    /// <summary>Parses <c>5..30</c> or <c>5</c>.</summary>
    /// <param name="text">The range text.</param>
    /// <returns>The range.</returns>
    /// <exception cref="FormatException">The text is not a range; the message says why and how to fix it.</exception>
    public static IntRange Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error.ToString());

    /// <summary>Tries to parse <c>5..30</c> or <c>5</c>.</summary>
    /// <param name="text">The range text.</param>
    /// <param name="value">The range, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out IntRange value) => TryParse(text, out value, out _);

    /// <summary>Tries to parse <c>5..30</c> or <c>5</c>, reporting what is wrong when it is not valid.</summary>
    /// <param name="text">The range text.</param>
    /// <param name="value">The range, when the text is valid.</param>
    /// <param name="error">Why the text is not a range, when it is not.</param>
    /// <returns><see langword="true"/> when the text is a valid range.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out IntRange value, [NotNullWhen(false)] out ValueParseError? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new ValueParseError("a number or a range is required here", "write a range such as 5..30, or one number", 0);
            return false;
        }

        var lead = text.Length - text.TrimStart().Length;
        var s = text.Trim();
        var dots = s.IndexOf("..", StringComparison.Ordinal);
        if (dots < 0)
        {
            if (!TryParseBound(s, out var single))
            {
                error = new ValueParseError($"`{s}` is not a whole number or a range", "write a range as 5..30, or one whole number", lead);
                return false;
            }

            value = Exactly(single);
            error = null;
            return true;
        }

        var left = s[..dots].Trim();
        var right = s[(dots + 2)..].Trim();
        if (!TryParseBound(left, out var min) || !TryParseBound(right, out var max))
        {
            error = new ValueParseError($"`{s}` is not a range of whole numbers", "write a range as 5..30", lead);
            return false;
        }

        if (max < min)
        {
            error = new ValueParseError($"the range `{s}` is reversed", $"write {max.ToString(CultureInfo.InvariantCulture)}..{min.ToString(CultureInfo.InvariantCulture)}", lead);
            return false;
        }

        value = new IntRange(min, max);
        error = null;
        return true;
    }

    /// <summary>Writes <c>5..30</c>, or <c>5</c> for a single value.</summary>
    public override string ToString() => IsSingle
        ? Min.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Min}..{Max}");

    private static bool TryParseBound(string text, out int value)
    {
        value = 0;
        return text.Length > 0 && text.All(char.IsAsciiDigit) &&
               int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
