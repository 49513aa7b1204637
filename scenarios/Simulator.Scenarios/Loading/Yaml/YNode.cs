namespace Simulator.Scenarios;

/// <summary>A YAML node with the position where it starts; the loader's own tree, so that duplicate keys and every position survive.</summary>
internal abstract class YNode(SourceLocation start)
{
    public SourceLocation Start { get; } = start;

    /// <summary>What the node is, for messages: "a list", "a mapping", "a value".</summary>
    public abstract string Describe();
}
