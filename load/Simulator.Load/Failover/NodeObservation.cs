namespace Simulator.Load.Failover;

/// <summary>One node as its HA agent (Patroni's REST API) described it at one poll.</summary>
/// <param name="Node">The node's name.</param>
/// <param name="Reachable">Whether the agent answered.</param>
/// <param name="Role"><c>primary</c> or <c>replica</c> (or the agent's own word); null when it did not answer.</param>
/// <param name="Running">Whether the node's database was running.</param>
/// <param name="Timeline">The database's timeline, when known.</param>
public sealed record NodeObservation(string Node, bool Reachable, string? Role, bool Running, long? Timeline)
{
    /// <summary>Whether the node answered and ran as a primary.</summary>
    public bool IsRunningPrimary => Reachable && Running && Role == "primary";

    /// <summary>Whether the node answered and ran as a replica.</summary>
    public bool IsRunningReplica => Reachable && Running && Role == "replica";

    /// <summary>A node that did not answer.</summary>
    public static NodeObservation Unreachable(string node) => new(node, false, null, false, null);
}
