using Simulator.AppHost.Integrations.Patroni;

namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>
/// The settings of a Patroni cluster that do not depend on how it runs: DCS timing, failover limits,
/// replication mode and which etcd API Patroni speaks. Shared by both runtimes, so a scenario means
/// the same cluster behaviour natively and in containers.
/// </summary>
/// <param name="Scope">Cluster name in the DCS.</param>
/// <param name="Ttl">Seconds the leader key lives without renewal.</param>
/// <param name="LoopWait">Seconds between Patroni's HA loop runs.</param>
/// <param name="RetryTimeout">Seconds a DCS or PostgreSQL operation is retried before giving up.</param>
/// <param name="MaximumLagOnFailoverBytes">A replica further behind than this is not promoted.</param>
/// <param name="SynchronousMode">Commit only once a synchronous standby has the WAL.</param>
/// <param name="SynchronousModeStrict">Refuse writes rather than fall back to asynchronous when no standby is there.</param>
/// <param name="UseEtcd3">
/// Speak etcd's v3 API (<c>etcd3:</c>) instead of v2 (<c>etcd:</c>, with etcd started <c>--enable-v2</c>).
/// v2 is the default: Patroni 3.0.2's etcd3 client could hand the leader key back to a resumed frozen
/// leader (split brain; fixed upstream after 3.0.2, Patroni PR #2689).
/// </param>
public sealed record PatroniClusterSettings(
    string Scope,
    int Ttl,
    int LoopWait,
    int RetryTimeout,
    long MaximumLagOnFailoverBytes,
    bool SynchronousMode,
    bool SynchronousModeStrict,
    bool UseEtcd3)
{
    /// <summary>Patroni's own defaults: ttl 30, loop_wait 10, retry_timeout 10, asynchronous.</summary>
    public static PatroniClusterSettings Default { get; } = new("sim", 30, 10, 10, 1_048_576, false, false, false);

    /// <summary>Fast failover measured on loopback: ttl 10, loop_wait 2, retry_timeout 3.</summary>
    public static PatroniClusterSettings Fast { get; } = Default with { Ttl = 10, LoopWait = 2, RetryTimeout = 3 };

    /// <summary>
    /// The settings a topology's (or a scenario's <c>database:</c>) Patroni options ask for: the same scope, timing,
    /// replication mode, failover lag limit and etcd API as the native runtime renders from them.
    /// </summary>
    public static PatroniClusterSettings From(PatroniClusterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new PatroniClusterSettings(
            options.Scope,
            options.Timing.Ttl,
            options.Timing.LoopWait,
            options.Timing.RetryTimeout,
            options.MaximumLagOnFailover,
            SynchronousMode: options.Replication != PatroniReplication.Async,
            SynchronousModeStrict: options.Replication == PatroniReplication.SyncStrict,
            UseEtcd3: options.Dcs == PatroniDcs.Etcd3);
    }

    /// <summary>Every problem with these settings (empty when valid), as Patroni's documentation states the rules.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Scope))
        {
            errors.Add("scope must not be empty");
        }

        if (LoopWait < 1 || RetryTimeout < 1 || Ttl < 1)
        {
            errors.Add("ttl, loop_wait and retry_timeout must be at least 1 s");
        }

        if (LoopWait + (2 * RetryTimeout) > Ttl)
        {
            errors.Add($"loop_wait + 2 × retry_timeout ({LoopWait + (2 * RetryTimeout)} s) must not exceed ttl ({Ttl} s)");
        }

        if (MaximumLagOnFailoverBytes < 0)
        {
            errors.Add("maximum_lag_on_failover must not be negative");
        }

        if (SynchronousModeStrict && !SynchronousMode)
        {
            errors.Add("synchronous_mode_strict needs synchronous_mode");
        }

        return errors;
    }
}
