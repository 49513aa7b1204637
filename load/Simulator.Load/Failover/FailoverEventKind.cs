namespace Simulator.Load.Failover;

/// <summary>The kinds of <see cref="FailoverEvent"/>, as written in report.json.</summary>
public static class FailoverEventKind
{
    /// <summary>The leader's node stopped answering its HA agent's API, or its database stopped running.</summary>
    public const string LeaderUnreachable = "leader-unreachable";

    /// <summary>The DCS stopped naming the leader (its key expired, was deleted, or names another node).</summary>
    public const string LeaderLost = "leader-lost";

    /// <summary>The DCS names a new leader (a node took the leader key).</summary>
    public const string LeaderElected = "leader-elected";

    /// <summary>The new leader's database runs as a primary (promotion done).</summary>
    public const string LeaderPromoted = "leader-promoted";

    /// <summary>A former leader runs again, as a replica of the new one (after <c>pg_rewind</c> if needed).</summary>
    public const string OldLeaderRejoined = "old-leader-rejoined";

    /// <summary>Two or more nodes ran as primaries at the same time (a split-brain risk; writes decide whether it was one).</summary>
    public const string MultiplePrimaries = "multiple-primaries";
}
