using System.Diagnostics.CodeAnalysis;

namespace Simulator.Scenarios;

/// <summary>
/// A rate of events, held per second. Scenario files always write the unit:
/// <c>20/s</c>, <c>1200/m</c>, <c>0.5/s</c>, <c>3/h</c>.
/// </summary>
public readonly record struct Rate
{
    /// <summary>Creates a rate from events per second.</summary>
    /// <param name="perSecond">Events per second; finite and not negative.</param>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative, infinite or not a number.</exception>
    public Rate(double perSecond)
    {
        if (!double.IsFinite(perSecond) || perSecond < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), perSecond, "A rate is a finite, non-negative number of events per second.");
        }

        PerSecond = perSecond;
    }

    /// <summary>Events per second.</summary>
    public double PerSecond { get; }

    /// <summary>Events per minute.</summary>
    public double PerMinute => PerSecond * 60;

    /// <summary>Events per hour.</summary>
    public double PerHour => PerSecond * 3600;

    /// <summary>Creates a rate from events per minute.</summary>
    /// <param name="perMinute">Events per minute.</param>
    /// <returns>The rate.</returns>
    public static Rate FromPerMinute(double perMinute) => new(perMinute / 60);

    /// <summary>Creates a rate from events per hour.</summary>
    /// <param name="perHour">Events per hour.</param>
    /// <returns>The rate.</returns>
    public static Rate FromPerHour(double perHour) => new(perHour / 3600);

    /// <summary>Parses a rate such as <c>20/s</c>, <c>1200/m</c> or <c>3/h</c>.</summary>
    /// <param name="text">The rate text.</param>
    /// <returns>The rate.</returns>
    /// <exception cref="FormatException">The text is not a rate; the message says why and how to fix it.</exception>
    public static Rate Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error.ToString());

    /// <summary>Tries to parse a rate such as <c>20/s</c>.</summary>
    /// <param name="text">The rate text.</param>
    /// <param name="value">The rate, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid rate.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Rate value) => TryParse(text, out value, out _);

    /// <summary>Tries to parse a rate, reporting what is wrong when it is not valid.</summary>
    /// <param name="text">The rate text.</param>
    /// <param name="value">The rate, when the text is valid.</param>
    /// <param name="error">Why the text is not a rate, when it is not.</param>
    /// <returns><see langword="true"/> when the text is a valid rate.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out Rate value, [NotNullWhen(false)] out ValueParseError? error)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new ValueParseError("a rate is required here", "write a rate such as 20/s", 0);
            return false;
        }

        var lead = text.Length - text.TrimStart().Length;
        var s = text.Trim();
        var slash = s.IndexOf('/', StringComparison.Ordinal);
        var numberText = (slash < 0 ? s : s[..slash]).TrimEnd();
        if (s.StartsWith('-'))
        {
            error = new ValueParseError($"a rate cannot be negative: `{s}`", "write a positive rate such as 20/s", lead);
            return false;
        }

        if (!NumberScanner.IsNumber(numberText, out var amount))
        {
            error = new ValueParseError($"`{s}` is not a rate", "write a number per unit of time, for example 20/s, 1200/m or 3/h", lead);
            return false;
        }

        if (slash < 0)
        {
            error = new ValueParseError($"the rate `{s}` has no unit", $"write a unit: {numberText}/s", lead);
            return false;
        }

        var afterSlash = s[(slash + 1)..];
        var unit = afterSlash.Trim();
        var unitOffset = lead + slash + 1 + (afterSlash.Length - afterSlash.TrimStart().Length);
        double perSecond;
        switch (unit)
        {
            case "s":
                perSecond = (double)amount;
                break;
            case "m":
                perSecond = (double)amount / 60;
                break;
            case "h":
                perSecond = (double)amount / 3600;
                break;
            default:
                error = new ValueParseError($"`{unit}` is not a rate unit", "use /s, /m or /h, for example 20/s", unitOffset);
                return false;
        }

        value = new Rate(perSecond);
        error = null;
        return true;
    }

    /// <summary>
    /// Writes the rate with the unit that gives a whole number when there is one
    /// (<c>20/s</c>, <c>30/m</c>, <c>3/h</c>), otherwise per second.
    /// </summary>
    public override string ToString()
    {
        if (PerSecond == 0 || PerSecond >= 1 || IsWhole(PerSecond))
        {
            return NumberScanner.Format(PerSecond) + "/s";
        }

        if (IsWhole(PerMinute))
        {
            return NumberScanner.Format(Math.Round(PerMinute)) + "/m";
        }

        return IsWhole(PerHour) ? NumberScanner.Format(Math.Round(PerHour)) + "/h" : NumberScanner.Format(PerSecond) + "/s";
    }

    private static bool IsWhole(double value) => Math.Abs(value - Math.Round(value)) < 1e-9;
}
