using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Simulator.Scenarios;

/// <summary>
/// Reads and writes durations as scenario files spell them: a number followed by a unit
/// (<c>500ms</c>, <c>20s</c>, <c>3m</c>, <c>1h</c>), or several from the largest unit down
/// (<c>1m30s</c>, <c>1h15m</c>). Fractions are allowed (<c>1.5s</c>); a bare number is not,
/// because <c>20</c> could mean seconds or milliseconds.
/// </summary>
public static class DurationParser
{
    private const string UnitsHint = "use ms, s, m or h, for example 500ms, 20s, 3m or 1m30s";

    /// <summary>Parses a duration such as <c>20s</c> or <c>1m30s</c>.</summary>
    /// <param name="text">The duration text.</param>
    /// <returns>The duration.</returns>
    /// <exception cref="FormatException">The text is not a duration; the message says why and how to fix it.</exception>
    public static TimeSpan Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error.ToString());

    /// <summary>Tries to parse a duration such as <c>20s</c> or <c>1m30s</c>.</summary>
    /// <param name="text">The duration text.</param>
    /// <param name="value">The duration, when the text is valid.</param>
    /// <returns><see langword="true"/> when the text is a valid duration.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value) => TryParse(text, out value, out _);

    /// <summary>Tries to parse a duration, reporting what is wrong when it is not valid.</summary>
    /// <param name="text">The duration text.</param>
    /// <param name="value">The duration, when the text is valid.</param>
    /// <param name="error">Why the text is not a duration, when it is not.</param>
    /// <returns><see langword="true"/> when the text is a valid duration.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeSpan value, [NotNullWhen(false)] out ValueParseError? error)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new ValueParseError("a duration is required here", "write a duration such as 20s", 0);
            return false;
        }

        var lead = text.Length - text.TrimStart().Length;
        var s = text.Trim();
        var position = 0;
        var previousRank = int.MaxValue;
        decimal totalTicks = 0;
        while (position < s.Length)
        {
            var length = NumberScanner.Scan(s, position, out var amount);
            if (length == 0)
            {
                error = s[position] == '-'
                    ? new ValueParseError($"a duration cannot be negative: `{s}`", "write a positive duration such as 20s", lead + position)
                    : new ValueParseError($"`{s}` is not a duration", UnitsHint, lead + position);
                return false;
            }

            var number = s.Substring(position, length);
            position += length;
            var unitStart = position;
            while (position < s.Length && char.IsAsciiLetter(s[position]))
            {
                position++;
            }

            var unit = s[unitStart..position];
            if (unit.Length == 0)
            {
                var numberStart = lead + unitStart - length;
                error = unitStart == s.Length && previousRank == int.MaxValue
                    ? new ValueParseError($"the duration `{s}` has no unit", $"write a unit: {number}s or {number}ms", numberStart)
                    : new ValueParseError($"`{s}` is not a duration: `{number}` has no unit", UnitsHint, numberStart);
                return false;
            }

            if (!TryGetUnit(unit, out var rank, out var ticksPerUnit))
            {
                error = new ValueParseError($"`{unit}` is not a duration unit", UnitHint(unit), lead + unitStart);
                return false;
            }

            if (rank >= previousRank)
            {
                error = new ValueParseError(
                    $"`{s}` is not a duration: units must go from the largest to the smallest, each once",
                    "for example 1h30m or 1m30s",
                    lead + unitStart);
                return false;
            }

            previousRank = rank;
            totalTicks += amount * ticksPerUnit;
            if (totalTicks > TimeSpan.MaxValue.Ticks)
            {
                error = new ValueParseError($"the duration `{s}` is too long", null, lead);
                return false;
            }
        }

        value = TimeSpan.FromTicks((long)decimal.Round(totalTicks, MidpointRounding.AwayFromZero));
        error = null;
        return true;
    }

    /// <summary>
    /// Writes a duration the way a scenario file would (<c>1m30s</c>, <c>250ms</c>, <c>0s</c>),
    /// so that <see cref="Parse"/> reads it back to the same value at millisecond precision.
    /// </summary>
    /// <param name="value">A non-negative duration.</param>
    /// <returns>The duration text.</returns>
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return value == TimeSpan.Zero ? "0s" : "-" + Format(value.Negate());
        }

        var builder = new StringBuilder();
        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            builder.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (value.Minutes > 0)
        {
            builder.Append(value.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        if (value.Seconds > 0)
        {
            builder.Append(value.Seconds.ToString(CultureInfo.InvariantCulture)).Append('s');
        }

        var subSecondTicks = value.Ticks % TimeSpan.TicksPerSecond;
        if (subSecondTicks > 0)
        {
            var milliseconds = (decimal)subSecondTicks / TimeSpan.TicksPerMillisecond;
            builder.Append(milliseconds.ToString("0.####", CultureInfo.InvariantCulture)).Append("ms");
        }

        return builder.ToString();
    }

    private static bool TryGetUnit(string unit, out int rank, out long ticksPerUnit)
    {
        (rank, ticksPerUnit) = unit switch
        {
            "ms" => (0, TimeSpan.TicksPerMillisecond),
            "s" => (1, TimeSpan.TicksPerSecond),
            "m" => (2, TimeSpan.TicksPerMinute),
            "h" => (3, TimeSpan.TicksPerHour),
            _ => (-1, 0L),
        };
        return rank >= 0;
    }

    private static string UnitHint(string unit) => unit.ToLowerInvariant() switch
    {
        "sec" or "secs" or "second" or "seconds" => "write s, for example 20s",
        "min" or "mins" or "minute" or "minutes" => "write m, for example 3m",
        "hr" or "hrs" or "hour" or "hours" => "write h, for example 1h",
        "d" or "day" or "days" => "write hours, for example 24h",
        "us" or "µs" or "ns" => "the smallest unit is ms, for example 0.5ms",
        "ms" or "s" or "m" or "h" => "units are lower case: " + unit.ToLowerInvariant(),
        _ => UnitsHint,
    };
}
