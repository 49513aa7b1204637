namespace Simulator.Scenarios;

/// <summary>A position in a scenario file, both numbers starting at 1.</summary>
/// <param name="Line">The line, from 1.</param>
/// <param name="Column">The column, from 1.</param>
public readonly record struct SourceLocation(int Line, int Column)
{
    /// <summary>Writes <c>line:column</c>.</summary>
    public override string ToString() => $"{Line}:{Column}";
}
