using Simulator.Scenarios;

namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>The names scenario and topology files give <see cref="PatroniReplication"/> modes.</summary>
public static class PatroniReplicationNames
{
    /// <summary>The mode named <c>async</c>, <c>sync</c> or <c>sync-strict</c>.</summary>
    /// <exception cref="ArgumentException">Any other name (the loaders refuse them first).</exception>
    public static PatroniReplication Parse(string name) => name switch
    {
        "async" => PatroniReplication.Async,
        "sync" => PatroniReplication.Sync,
        "sync-strict" => PatroniReplication.SyncStrict,
        _ => throw new ArgumentException($"unknown replication `{name}` (one of {string.Join(", ", DatabaseSettings.ReplicationModes)})", nameof(name)),
    };

    /// <summary>The name files give <paramref name="mode"/>: <c>async</c>, <c>sync</c> or <c>sync-strict</c>.</summary>
    public static string Of(PatroniReplication mode) => mode switch
    {
        PatroniReplication.Sync => "sync",
        PatroniReplication.SyncStrict => "sync-strict",
        _ => "async",
    };
}
