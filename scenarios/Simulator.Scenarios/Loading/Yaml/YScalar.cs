using YamlDotNet.Core;

namespace Simulator.Scenarios;

/// <summary>A scalar with its text as written (after YAML unquoting) and its style.</summary>
internal sealed class YScalar(SourceLocation start, string value, ScalarStyle style) : YNode(start)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>True for an empty plain value or <c>~</c>/<c>null</c>: YAML's null.</summary>
    public bool IsNull => Style is ScalarStyle.Plain or ScalarStyle.Any && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// The position of the character at <paramref name="offset"/> in <see cref="Value"/>, when it
    /// can be known (single-line plain or quoted scalars); otherwise the scalar's start.
    /// </summary>
    public SourceLocation At(int offset)
    {
        if (offset <= 0 || Value.Contains('\n', StringComparison.Ordinal))
        {
            return Start;
        }

        return Style switch
        {
            ScalarStyle.Plain => Start with { Column = Start.Column + offset },
            ScalarStyle.SingleQuoted when !Value.Contains('\'', StringComparison.Ordinal) => Start with { Column = Start.Column + 1 + offset },
            ScalarStyle.DoubleQuoted when !Value.Contains('"', StringComparison.Ordinal) && !Value.Contains('\\', StringComparison.Ordinal) => Start with { Column = Start.Column + 1 + offset },
            _ => Start,
        };
    }

    public override string Describe() => IsNull ? "nothing" : "a value";
}
