using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Http.Headers;

namespace Simulator.Scenarios;

/// <summary>
/// Reads the values of an <c>http</c> workload's parameters: a URL path, a method, an expected status, a media type.
/// Each gives the value as kept (a method in capitals, the others as written) or why it is not valid.
/// </summary>
internal static class HttpValues
{
    /// <summary>The methods an <c>http</c> workload may send.</summary>
    public static IReadOnlyList<string> Methods { get; } = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

    /// <summary>Checks a path such as <c>/web/health?x=1</c>: it starts with <c>/</c> and holds no space.</summary>
    public static bool TryParsePath(string text, out string value, [NotNullWhen(false)] out ValueParseError? error)
    {
        value = text;
        error = text.StartsWith('/') && !text.StartsWith("//", StringComparison.Ordinal)
            ? text.IndexOfAny([' ', '\t', '#']) is var bad and >= 0
                ? new ValueParseError($"`{text}` holds `{text[bad]}`, which a URL path cannot", "encode it, e.g. %20 for a space", bad)
                : null
            : new ValueParseError(
                $"`{text}` is not a path on the region's ingress: it must start with a single /",
                text.Contains("://", StringComparison.Ordinal) ? "the host is the region's ingress: write only the path, e.g. /web/health" : "e.g. path: /web/health",
                0);
        return error is null;
    }

    /// <summary>Reads a method in any case (<c>get</c>) as its capitals (<c>GET</c>).</summary>
    public static bool TryParseMethod(string text, out string value, [NotNullWhen(false)] out ValueParseError? error)
    {
        var method = Methods.FirstOrDefault(m => string.Equals(m, text, StringComparison.OrdinalIgnoreCase));
        value = method ?? text;
        error = method is null
            ? new ValueParseError($"`{text}` is not an HTTP method", Suggestions.DidYouMean(text.ToUpperInvariant(), Methods) ?? "use " + Suggestions.OneOf(Methods), 0)
            : null;
        return method is not null;
    }

    /// <summary>Checks <c>200</c>, <c>2xx</c> or <c>200-204</c>, within 100–599, low to high.</summary>
    public static bool TryParseStatus(string text, out string value, [NotNullWhen(false)] out ValueParseError? error)
    {
        value = text;
        var (low, high) = text.Length == 3 && text.EndsWith("xx", StringComparison.OrdinalIgnoreCase) && char.IsAsciiDigit(text[0])
            ? ((text[0] - '0') * 100, ((text[0] - '0') * 100) + 99)
            : text.Split('-', 2, StringSplitOptions.TrimEntries) is [var a, var b]
                ? (Status(a), Status(b))
                : (Status(text), Status(text));
        error = low is >= 100 and <= 599 && high is >= 100 and <= 599 && low <= high
            ? null
            : new ValueParseError($"`{text}` is not an HTTP status or range of statuses", "write 200, 2xx or 200-204 (100–599, low to high)", 0);
        return error is null;
    }

    /// <summary>Checks a media type such as <c>application/json</c> or <c>text/plain; charset=utf-8</c>.</summary>
    public static bool TryParseMediaType(string text, out string value, [NotNullWhen(false)] out ValueParseError? error)
    {
        value = text;
        error = MediaTypeHeaderValue.TryParse(text, out var parsed) && parsed.MediaType?.Contains('/', StringComparison.Ordinal) == true
            ? null
            : new ValueParseError($"`{text}` is not a media type", "e.g. application/json or text/plain; charset=utf-8", 0);
        return error is null;
    }

    private static int Status(string text) =>
        text.Length == 3 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : -1;
}
