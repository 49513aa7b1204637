namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>
/// Patroni's failure-detection timing, in seconds: the leader key lives <see cref="Ttl"/> unless renewed, the HA loop
/// runs every <see cref="LoopWait"/>, and DCS and PostgreSQL operations are retried for <see cref="RetryTimeout"/>.
/// Patroni requires <c>loop_wait + 2 × retry_timeout ≤ ttl</c> so a leader demotes itself before its key expires.
/// </summary>
/// <param name="Name">The profile's name, for reports.</param>
/// <param name="Ttl">The leader key's time to live.</param>
/// <param name="LoopWait">Seconds between HA loop runs.</param>
/// <param name="RetryTimeout">Seconds DCS and PostgreSQL operations are retried.</param>
public sealed record PatroniTiming(string Name, int Ttl, int LoopWait, int RetryTimeout)
{
    /// <summary>Patroni's defaults: ttl 30, loop_wait 10, retry_timeout 10.</summary>
    public static PatroniTiming Default { get; } = new("default", 30, 10, 10);

    /// <summary>A fast profile for failover tests: ttl 10, loop_wait 2, retry_timeout 3.</summary>
    public static PatroniTiming Fast { get; } = new("fast", 10, 2, 3);

    /// <summary>The profile named <paramref name="name"/> (<c>default</c> or <c>fast</c>), or null for another name.</summary>
    public static PatroniTiming? Named(string name) => name switch
    {
        "default" => Default,
        "fast" => Fast,
        _ => null,
    };

    /// <summary>Every problem with these values (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Ttl < 1 || LoopWait < 1 || RetryTimeout < 1)
        {
            errors.Add($"timing {Name}: ttl ({Ttl}), loop_wait ({LoopWait}) and retry_timeout ({RetryTimeout}) must be at least 1 s");
        }

        if (LoopWait + (2 * RetryTimeout) > Ttl)
        {
            errors.Add($"timing {Name}: loop_wait + 2 × retry_timeout ({LoopWait} + 2 × {RetryTimeout} = {LoopWait + (2 * RetryTimeout)} s) must not exceed ttl ({Ttl} s)");
        }

        return errors;
    }
}
