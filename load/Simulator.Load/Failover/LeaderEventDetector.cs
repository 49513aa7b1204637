namespace Simulator.Load.Failover;

/// <summary>
/// Turns polls of a cluster into failover events. The first leader key read is the initial leader (no event). Each
/// event is stamped with the poll that first showed it, so its resolution is the polling interval plus the time one
/// poll takes. Feed observations in time order.
/// </summary>
/// <param name="origin">The run's start: event times are seconds from it.</param>
public sealed class LeaderEventDetector(DateTimeOffset origin)
{
    private readonly List<FailoverEvent> _events = [];
    private readonly HashSet<string> _formerLeaders = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unreachableReported = new(StringComparer.Ordinal);
    private bool _leaderKnown;
    private string? _leader;
    private string? _awaitingPromotion;
    private bool _multiplePrimaries;

    /// <summary>The events so far, in order.</summary>
    public IReadOnlyList<FailoverEvent> Events => _events;

    /// <summary>The events of a whole series of polls.</summary>
    public static IReadOnlyList<FailoverEvent> Detect(IEnumerable<ClusterObservation> observations, DateTimeOffset origin)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var detector = new LeaderEventDetector(origin);
        foreach (var observation in observations)
        {
            detector.Observe(observation);
        }

        return detector.Events;
    }

    /// <summary>Takes one poll into account.</summary>
    public void Observe(ClusterObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var at = Math.Round((observation.At - origin).TotalSeconds, 3);
        if (observation.LeaderKeyRead)
        {
            ObserveLeaderKey(observation.Leader, at);
        }

        var nodes = observation.Nodes.ToDictionary(n => n.Node, StringComparer.Ordinal);
        if (_leader is { } leader && nodes.TryGetValue(leader, out var current))
        {
            if (current.IsRunningPrimary)
            {
                _unreachableReported.Remove(leader);
            }
            else if (_awaitingPromotion != leader && _unreachableReported.Add(leader))
            {
                Add(FailoverEventKind.LeaderUnreachable, leader, at);
            }
        }

        if (_awaitingPromotion is { } promoted && nodes.TryGetValue(promoted, out var candidate) && candidate.IsRunningPrimary)
        {
            Add(FailoverEventKind.LeaderPromoted, promoted, at);
            _awaitingPromotion = null;
        }

        foreach (var former in _formerLeaders.Where(f => f != _leader && nodes.TryGetValue(f, out var n) && n.IsRunningReplica).ToList())
        {
            Add(FailoverEventKind.OldLeaderRejoined, former, at);
            _formerLeaders.Remove(former);
        }

        var primaries = observation.Nodes.Where(n => n.IsRunningPrimary).Select(n => n.Node).ToList();
        if (primaries.Count > 1 && !_multiplePrimaries)
        {
            Add(FailoverEventKind.MultiplePrimaries, string.Join('+', primaries), at);
        }

        _multiplePrimaries = primaries.Count > 1;
    }

    private void ObserveLeaderKey(string? key, double at)
    {
        if (!_leaderKnown)
        {
            // The first leader seen is where the run starts from, not an election it witnessed.
            if (key is not null)
            {
                _leaderKnown = true;
                _leader = key;
            }

            return;
        }

        if (key == _leader)
        {
            return;
        }

        if (_leader is { } lost)
        {
            Add(FailoverEventKind.LeaderLost, lost, at);
            _formerLeaders.Add(lost);
        }

        if (key is not null)
        {
            Add(FailoverEventKind.LeaderElected, key, at);
            _formerLeaders.Remove(key);
            _awaitingPromotion = key;
        }

        _leader = key;
    }

    private void Add(string kind, string node, double at) => _events.Add(new FailoverEvent(kind, node, at));
}
