namespace Simulator.Chaos.Proxy.Toxics;

/// <summary>
/// One toxic of a proxy, immutable: an update makes a new definition with the same <see cref="Id"/>,
/// which tells the open connections to swap the toxic in place.
/// </summary>
internal sealed class ToxicDefinition
{
    private static long _nextId;

    private readonly long[] _attributes;

    private ToxicDefinition(long id, string name, ToxicKind kind, ToxicDirection stream, double toxicity, long[] attributes)
    {
        Id = id;
        Name = name;
        Kind = kind;
        Stream = stream;
        Toxicity = toxicity;
        _attributes = attributes;
    }

    /// <summary>Identifies the toxic across updates.</summary>
    public long Id { get; }

    public string Name { get; }

    public ToxicKind Kind { get; }

    public ToxicDirection Stream { get; }

    public double Toxicity { get; }

    public IReadOnlyList<long> Attributes => _attributes;

    public long this[int attributeIndex] => _attributes[attributeIndex];

    public bool Affects(ToxicDirection direction) => Kind.BothDirections || Stream == direction;

    public static ToxicDefinition Create(string name, ToxicKind kind, ToxicDirection stream, double toxicity, long[] attributes) =>
        new(Interlocked.Increment(ref _nextId), name, kind, stream, toxicity, attributes);

    public ToxicDefinition With(double toxicity, long[] attributes) => new(Id, Name, Kind, Stream, toxicity, attributes);

    public ToxicDefinition With(ToxicKind kind, ToxicDirection stream, double toxicity, long[] attributes) =>
        new(Id, Name, kind, stream, toxicity, attributes);
}
