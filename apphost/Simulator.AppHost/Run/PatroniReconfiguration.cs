using System.Globalization;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Run;

/// <summary>
/// Moves a running Patroni cluster to another scenario's replication and timing. Everything a scenario's
/// <c>database:</c> key sets — <c>synchronous_mode</c>, <c>synchronous_mode_strict</c>, <c>ttl</c>, <c>loop_wait</c>,
/// <c>retry_timeout</c>, <c>maximum_lag_on_failover</c> — lives in the cluster's dynamic configuration in the DCS, so a
/// suite's shared stand-up takes a synchronous run and then an asynchronous one with one <c>PATCH /config</c> instead of
/// a second stand-up.
/// </summary>
public static class PatroniReconfiguration
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// True when <paramref name="next"/> is <paramref name="up"/> but for the Patroni settings a running cluster takes
    /// from its dynamic configuration (the DCS and the scope stay, and so does everything outside Patroni).
    /// </summary>
    public static bool CanReconfigure(TopologySpec up, TopologySpec next)
    {
        ArgumentNullException.ThrowIfNull(up);
        ArgumentNullException.ThrowIfNull(next);
        return up.Patroni is { } running && next.Patroni is { } wanted
            && (running with { Replication = wanted.Replication, Timing = wanted.Timing, MaximumLagOnFailover = wanted.MaximumLagOnFailover }).Equals(wanted)
            && (up with { Patroni = wanted }).Equals(next);
    }

    /// <summary>
    /// The <c>PATCH /config</c> body that sets <paramref name="options"/>' dynamic settings, as both runtimes' node
    /// configurations derive them (<see cref="PatroniClusterSettings.From"/>).
    /// </summary>
    public static string ConfigPatch(PatroniClusterOptions options)
    {
        var settings = PatroniClusterSettings.From(options);
        return string.Create(CultureInfo.InvariantCulture,
            $$"""{"ttl": {{settings.Ttl}}, "loop_wait": {{settings.LoopWait}}, "retry_timeout": {{settings.RetryTimeout}}, "maximum_lag_on_failover": {{settings.MaximumLagOnFailoverBytes}}, "synchronous_mode": {{Json(settings.SynchronousMode)}}, "synchronous_mode_strict": {{Json(settings.SynchronousModeStrict)}}}""");
    }

    /// <summary>
    /// Sets <paramref name="options"/>' dynamic settings through the node at <paramref name="restUrl"/> and waits until the
    /// leader has acted on them: a synchronous standby named under synchronous replication, none under asynchronous
    /// (Patroni changes it on the leader's next cycle, up to <c>loop_wait</c> later).
    /// </summary>
    /// <exception cref="TimeoutException">The cluster did not show the new replication mode within <paramref name="timeout"/>.</exception>
    public static async Task ApplyAsync(
        HttpClient http, Uri restUrl, PatroniClusterOptions options, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(restUrl);
        ArgumentNullException.ThrowIfNull(time);
        await PatroniApi.PatchConfigAsync(http, restUrl, ConfigPatch(options), cancellationToken);
        var synchronous = PatroniClusterSettings.From(options).SynchronousMode;
        var started = time.GetTimestamp();
        while (true)
        {
            var standbys = await PatroniApi.GetSyncStandbysAsync(http, restUrl, cancellationToken);
            if ((standbys.Count > 0) == synchronous)
            {
                return;
            }

            if (time.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException(
                    $"after {timeout.TotalSeconds:0} s Patroni still names {(synchronous ? "no synchronous standby" : $"{string.Join(", ", standbys)} synchronous")}");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private static string Json(bool value) => value ? "true" : "false";
}
