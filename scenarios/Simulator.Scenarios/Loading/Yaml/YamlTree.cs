using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Simulator.Scenarios;

/// <summary>
/// Builds the loader's tree from YamlDotNet's event parser. Syntax errors end the build with one
/// error at the parser's position; anchors and aliases are resolved.
/// </summary>
internal sealed class YamlTree
{
    private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);
    private readonly IParser _parser;

    private YamlTree(IParser parser) => _parser = parser;

    /// <summary>
    /// Parses <paramref name="text"/>. Returns the root node (<see langword="null"/> for an empty
    /// file), or sets <paramref name="error"/> to the message and position of the first syntax error.
    /// </summary>
    public static YNode? Parse(string text, out (string Message, SourceLocation At)? error)
    {
        var scanner = new Scanner(new StringReader(text));
        var tree = new YamlTree(new Parser(scanner));
        try
        {
            error = null;
            return tree.ReadStream();
        }
        catch (YamlTreeException e)
        {
            error = (e.Message, e.At);
        }
        catch (YamlException e)
        {
            error = (e.Message, new SourceLocation((int)e.Start.Line, (int)e.Start.Column));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner throws these on some malformed input (an unclosed flow
            // sequence, for one); the scanner's position is where it gave up.
            var at = scanner.CurrentPosition;
            error = ("the YAML is malformed here (is a bracket or quote left open?)", new SourceLocation((int)at.Line, (int)at.Column));
        }

        return null;
    }

    private static SourceLocation At(ParsingEvent e) => new((int)e.Start.Line, (int)e.Start.Column);

    private YNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        if (_parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        _parser.Consume<DocumentStart>();
        var root = ReadNode();
        _parser.Consume<DocumentEnd>();
        if (_parser.Accept<DocumentStart>(out var second))
        {
            throw new YamlTreeException("a scenario file holds one YAML document; remove the second `---` and what follows it, or split the file", At(second));
        }

        return root is YScalar { IsNull: true } ? null : root;
    }

    private YNode ReadNode()
    {
        if (_parser.TryConsume<AnchorAlias>(out var alias))
        {
            return _anchors.TryGetValue(alias.Value.Value, out var target)
                ? target
                : throw new YamlTreeException($"the alias `*{alias.Value.Value}` refers to no anchor defined before it", At(alias));
        }

        if (_parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(scalar.Anchor, new YScalar(At(scalar), scalar.Value, scalar.Style));
        }

        if (_parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var items = new List<YNode>();
            while (!_parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode());
            }

            return Remember(sequenceStart.Anchor, new YSequence(At(sequenceStart), items));
        }

        var mappingStart = _parser.Consume<MappingStart>();
        var entries = new List<YEntry>();
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode();
            var value = ReadNode();
            entries.Add(new YEntry(key, value));
        }

        return Remember(mappingStart.Anchor, new YMapping(At(mappingStart), entries));
    }

    private YNode Remember(AnchorName anchor, YNode node)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }
}
