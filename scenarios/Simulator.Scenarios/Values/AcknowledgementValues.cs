using System.Diagnostics.CodeAnalysis;

namespace Simulator.Scenarios;

/// <summary>The values of a workload's <c>ack</c>: when a write counts as acknowledged.</summary>
public static class AcknowledgementValues
{
    /// <summary>After reading the write back (Odoo may read from a replica): the default.</summary>
    public const string ReadBack = "read-back";

    /// <summary>As soon as the server says the write committed.</summary>
    public const string Commit = "commit";

    /// <summary>Every accepted value.</summary>
    public static IReadOnlyList<string> Names { get; } = [ReadBack, Commit];

    /// <summary>Checks one of <see cref="Names"/> (exact spelling).</summary>
    public static bool TryParse(string text, out string value, [NotNullWhen(false)] out ValueParseError? error)
    {
        value = text;
        error = Names.Contains(text, StringComparer.Ordinal)
            ? null
            : new ValueParseError($"`{text}` is not an acknowledgement mode", Suggestions.DidYouMean(text, Names) ?? "use " + Suggestions.OneOf(Names), 0);
        return error is null;
    }
}
