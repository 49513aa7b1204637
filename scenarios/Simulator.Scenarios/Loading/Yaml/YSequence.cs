namespace Simulator.Scenarios;

/// <summary>A YAML sequence.</summary>
internal sealed class YSequence(SourceLocation start, IReadOnlyList<YNode> items) : YNode(start)
{
    public IReadOnlyList<YNode> Items { get; } = items;

    public override string Describe() => "a list";
}
