namespace Simulator.Chaos.Proxy.Toxics;

/// <summary>
/// A toxic type: its name, its integer attributes (all default to 0) and how it acts on one direction
/// of one connection.
/// </summary>
internal sealed class ToxicKind
{
    private ToxicKind(string name, string[] attributeNames, bool bothDirections, bool extension, Func<ToxicDefinition, bool, ToxicStage> createStage)
    {
        Name = name;
        AttributeNames = attributeNames;
        BothDirections = bothDirections;
        IsExtension = extension;
        _createStage = createStage;
    }

    private readonly Func<ToxicDefinition, bool, ToxicStage> _createStage;

    public string Name { get; }

    public IReadOnlyList<string> AttributeNames { get; }

    /// <summary>Acts on both directions whatever the toxic's stream says.</summary>
    public bool BothDirections { get; }

    /// <summary>Not a Toxiproxy type; only offered when extensions are enabled.</summary>
    public bool IsExtension { get; }

    public int IndexOf(string attribute)
    {
        for (var i = 0; i < AttributeNames.Count; i++)
        {
            if (string.Equals(AttributeNames[i], attribute, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public ToxicStage CreateStage(ToxicDefinition definition, bool applies) => _createStage(definition, applies);

    public static readonly ToxicKind Latency = new(ToxicTypes.Latency, ["latency", "jitter"], false, false, (d, a) => new LatencyStage(d, a));

    public static readonly ToxicKind Bandwidth = new(ToxicTypes.Bandwidth, ["rate"], false, false, (d, a) => new BandwidthStage(d, a));

    public static readonly ToxicKind SlowClose = new(ToxicTypes.SlowClose, ["delay"], false, false, (d, a) => new SlowCloseStage(d, a));

    public static readonly ToxicKind Timeout = new(ToxicTypes.Timeout, ["timeout"], false, false, (d, a) => new TimeoutStage(d, a));

    public static readonly ToxicKind ResetPeer = new(ToxicTypes.ResetPeer, ["timeout"], false, false, (d, a) => new ResetPeerStage(d, a));

    public static readonly ToxicKind Slicer = new(ToxicTypes.Slicer, ["average_size", "size_variation", "delay"], false, false, (d, a) => new SlicerStage(d, a));

    public static readonly ToxicKind LimitData = new(ToxicTypes.LimitData, ["bytes"], false, false, (d, a) => new LimitDataStage(d, a));

    public static readonly ToxicKind Blackhole = new(ToxicTypes.Blackhole, [], true, true, (d, a) => new BlackholeStage(d, a));

    private static readonly Dictionary<string, ToxicKind> All = new[]
    {
        Latency, Bandwidth, SlowClose, Timeout, ResetPeer, Slicer, LimitData, Blackhole,
    }.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static ToxicKind? Find(string? name, bool extensions) =>
        name is not null && All.TryGetValue(name, out var kind) && (extensions || !kind.IsExtension) ? kind : null;
}
