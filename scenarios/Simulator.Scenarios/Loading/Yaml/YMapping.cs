namespace Simulator.Scenarios;

/// <summary>A YAML mapping, with every entry in file order, duplicates included.</summary>
internal sealed class YMapping(SourceLocation start, IReadOnlyList<YEntry> entries) : YNode(start)
{
    public IReadOnlyList<YEntry> Entries { get; } = entries;

    /// <summary>The first entry whose key is the scalar <paramref name="key"/>.</summary>
    public YEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key is YScalar s && s.Value == key);

    public override string Describe() => "a mapping";
}
