using System.Diagnostics;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Run;

/// <summary>
/// The stand-up a suite keeps between runs: handed to the next run on the same topology after a
/// <see cref="StandUpReset"/> (and, when the run's <c>database:</c> differs, after its replication and timing were set
/// in the running cluster: <see cref="PatroniReconfiguration"/>), torn down when a run needs another topology, a fresh
/// one, or the suite ends.
/// </summary>
/// <param name="console">Where the reset and the teardown are reported.</param>
public sealed class SharedStandUp(TextWriter console)
{
    private IRunHost? _host;
    private TopologySpec? _spec;

    /// <summary>
    /// A running host of <paramref name="spec"/> for <paramref name="run"/>: the one up, reset, when
    /// <paramref name="mayReuse"/> and it is of the same spec (or differs only in the Patroni settings a running cluster
    /// takes) and resets in time; otherwise a fresh stand-up (the one
    /// up torn down first). Returns how long the reset took (null when none was reused) or the stand-up (null when
    /// one was reused) and who leads after the reset.
    /// </summary>
    public async Task<(IRunHost Host, StandUpResetResult? Reset, TimeSpan? StandUp)> AcquireAsync(
        ScenarioRun run, TopologySpec spec, bool mayReuse, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(spec);
        if (mayReuse && _host is NativeRunHost native && _spec is { } up && (spec.Equals(up) || PatroniReconfiguration.CanReconfigure(up, spec)))
        {
            console.WriteLine($"Reusing the stand-up of {spec.Name}: healing every fault and waiting until it is whole…");
            try
            {
                // The reset that readies the run is part of its logs.
                await native.Logs.MoveToAsync(run.LogDirectory, time.GetUtcNow());
                var reset = await new StandUpReset(native, console).ResetAsync(time, cancellationToken);
                console.WriteLine($"Reset in {reset.Duration.TotalSeconds:0.0} s{(reset.Leader is { } leader ? $", {leader} leads" : string.Empty)}");
                if (!spec.Equals(up))
                {
                    await ReconfigureAsync(native, spec.Patroni!, reset.Leader, time, cancellationToken);
                    _spec = spec;
                }

                return (native, reset, null);
            }
            catch (StandUpResetException ex)
            {
                console.WriteLine($"Reset gave up ({ex.Message}); standing up afresh.");
            }
            catch (Exception ex) when (ex is TimeoutException or HttpRequestException)
            {
                console.WriteLine($"Patroni did not take the new replication and timing ({ex.Message}); standing up afresh.");
            }
        }

        await TearDownAsync();
        var watch = Stopwatch.StartNew();
        _host = await run.StandUpAsync(time, cancellationToken);
        _spec = spec;
        return (_host, null, watch.Elapsed);
    }

    /// <summary>
    /// Gives the running cluster the run's replication and timing (<see cref="PatroniReconfiguration"/>): the suite's
    /// next run differs from the one before only in its <c>database:</c> key, which needs no new stand-up.
    /// </summary>
    private async Task ReconfigureAsync(NativeRunHost native, PatroniClusterOptions options, string? leader, TimeProvider time, CancellationToken cancellationToken)
    {
        var cluster = native.Host.Topology.Patroni!;
        var node = cluster.AllNodes.FirstOrDefault(n => n.Resource.Name == leader) ?? cluster.Nodes[0];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        // Up to one loop_wait of the old timing, or of the new one, before the leader acts on it.
        var timeout = TimeSpan.FromSeconds(Math.Max(_spec!.Patroni!.Timing.LoopWait, options.Timing.LoopWait) * 3 + 10);
        await PatroniReconfiguration.ApplyAsync(http, node.Resource.RestUrl, options, timeout, time, cancellationToken);
        console.WriteLine($"Reconfigured the running cluster: replication {PatroniReplicationNames.Of(options.Replication)}, timing {options.Timing.Name}");
    }

    /// <summary>Tears down the stand-up that is up, if any (idempotent).</summary>
    public async Task TearDownAsync()
    {
        if (_host is null)
        {
            return;
        }

        console.WriteLine($"Tearing down the stand-up of {_spec?.Name}…");
        var host = _host;
        _host = null;
        _spec = null;
        await host.DisposeAsync();
    }
}
