namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>
/// Patroni's tags on one node (the <c>tags:</c> section of its own configuration, read at start, not from the DCS):
/// which roles the cluster may give it.
/// </summary>
/// <param name="NoFailover">Never promoted, by a failover or a switchover; it only replicates.</param>
/// <param name="NoSync">Never the synchronous standby: under synchronous replication the leader never waits for it, and
/// (only the synchronous standby may take over then) a failover never picks it.</param>
public sealed record PatroniNodeTags(bool NoFailover, bool NoSync)
{
    /// <summary>No tag set: the node may lead and be the synchronous standby.</summary>
    public static PatroniNodeTags None { get; } = new(false, false);
}
