namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>How the leader replicates to the other nodes.</summary>
public enum PatroniReplication
{
    /// <summary>Asynchronous streaming: a commit returns before any replica has it; a failover may lose it.</summary>
    Async,

    /// <summary>
    /// Patroni's <c>synchronous_mode</c>: one replica confirms every commit, and only that replica may be promoted.
    /// When no replica is left, the leader goes on alone (asynchronously) rather than stop accepting writes.
    /// </summary>
    Sync,

    /// <summary>
    /// <c>synchronous_mode</c> with <c>synchronous_mode_strict</c>: with no replica left, commits wait instead of
    /// going on unreplicated — no acknowledged write can be lost, at the price of availability.
    /// </summary>
    SyncStrict,
}
