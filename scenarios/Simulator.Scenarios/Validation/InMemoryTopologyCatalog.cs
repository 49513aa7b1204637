namespace Simulator.Scenarios;

/// <summary>A topology catalogue held in memory, for tests and for callers that build outlines themselves.</summary>
public sealed class InMemoryTopologyCatalog : ITopologyCatalog
{
    private readonly Dictionary<string, TopologyOutline> _topologies;

    /// <summary>Creates a catalogue of <paramref name="topologies"/>; a later outline with the same name replaces an earlier one.</summary>
    /// <param name="topologies">The topologies.</param>
    public InMemoryTopologyCatalog(IEnumerable<TopologyOutline> topologies)
    {
        ArgumentNullException.ThrowIfNull(topologies);
        _topologies = new Dictionary<string, TopologyOutline>(StringComparer.Ordinal);
        foreach (var topology in topologies)
        {
            _topologies[topology.Name] = topology;
        }
    }

    /// <summary>Creates a catalogue of <paramref name="topologies"/>.</summary>
    /// <param name="topologies">The topologies.</param>
    public InMemoryTopologyCatalog(params TopologyOutline[] topologies)
        : this((IEnumerable<TopologyOutline>)topologies)
    {
    }

    /// <inheritdoc />
    public IReadOnlyCollection<string> TopologyNames => _topologies.Keys;

    /// <inheritdoc />
    public TopologyOutline? Find(string topologyName) => _topologies.GetValueOrDefault(topologyName);
}
