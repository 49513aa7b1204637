namespace Simulator.Scenarios;

/// <summary>
/// Why a value such as a duration, a rate or a threshold could not be read.
/// </summary>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Hint">How to fix it, for example <c>write a unit: 20/s</c>; <see langword="null"/> when there is nothing useful to add.</param>
/// <param name="Offset">Zero-based character offset of the offending part inside the text that was parsed.</param>
public sealed record ValueParseError(string Message, string? Hint, int Offset)
{
    /// <summary>Renders the message followed by the hint in parentheses, if any.</summary>
    public override string ToString() => Hint is null ? Message : $"{Message} ({Hint})";
}
