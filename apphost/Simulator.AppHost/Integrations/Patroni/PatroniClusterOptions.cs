namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>How a Patroni cluster is set up; the topology's fields map onto it.</summary>
public sealed record PatroniClusterOptions
{
    /// <summary>Patroni's own default <c>maximum_lag_on_failover</c>: 1 MiB.</summary>
    public const long DefaultMaximumLagOnFailover = 1024 * 1024;

    /// <summary>The DCS API (default <see cref="PatroniDcs.Etcd"/>, v2: see that value for why).</summary>
    public PatroniDcs Dcs { get; init; } = PatroniDcs.Etcd;

    /// <summary>Replication mode (default <see cref="PatroniReplication.Async"/>).</summary>
    public PatroniReplication Replication { get; init; } = PatroniReplication.Async;

    /// <summary>Failure-detection timing (default <see cref="PatroniTiming.Default"/>).</summary>
    public PatroniTiming Timing { get; init; } = PatroniTiming.Default;

    /// <summary>
    /// Patroni's <c>maximum_lag_on_failover</c>: a replica lagging more bytes than this behind the last known leader
    /// position is not promoted (default 1 MiB). Irrelevant in synchronous modes, where only the synchronous
    /// replica is promoted.
    /// </summary>
    public long MaximumLagOnFailover { get; init; } = DefaultMaximumLagOnFailover;

    /// <summary>The Patroni cluster's name (<c>scope</c>), also the DCS key prefix.</summary>
    public string Scope { get; init; } = "sim";

    /// <summary>The scope of the standby cluster <paramref name="region"/> runs under warm standby: <c>&lt;scope&gt;-&lt;region&gt;</c>.</summary>
    public static string StandbyScope(string scope, string region) => $"{scope}-{region}";

    /// <summary>Every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>(Timing.Validate());
        if (MaximumLagOnFailover < 0)
        {
            errors.Add($"maximum_lag_on_failover ({MaximumLagOnFailover}) must not be negative");
        }

        if (string.IsNullOrWhiteSpace(Scope) || !Scope.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            errors.Add($"scope '{Scope}' must be letters, digits, '-' or '_'");
        }

        return errors;
    }
}
