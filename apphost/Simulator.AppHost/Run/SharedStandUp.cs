using System.Diagnostics;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Run;

/// <summary>
/// The stand-up a suite keeps between runs: handed to the next run on the same topology after a
/// <see cref="StandUpReset"/>, torn down when a run needs another topology, a fresh one, or the suite ends.
/// </summary>
/// <param name="console">Where the reset and the teardown are reported.</param>
public sealed class SharedStandUp(TextWriter console)
{
    private IRunHost? _host;
    private TopologySpec? _spec;

    /// <summary>
    /// A running host of <paramref name="spec"/> for <paramref name="run"/>: the one up, reset, when
    /// <paramref name="mayReuse"/> and it is of the same spec and resets in time; otherwise a fresh stand-up (the one
    /// up torn down first). Returns how long the reset took (null when none was reused) or the stand-up (null when
    /// one was reused) and who leads after the reset.
    /// </summary>
    public async Task<(IRunHost Host, StandUpResetResult? Reset, TimeSpan? StandUp)> AcquireAsync(
        ScenarioRun run, TopologySpec spec, bool mayReuse, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(spec);
        if (mayReuse && _host is NativeRunHost native && spec.Equals(_spec))
        {
            console.WriteLine($"Reusing the stand-up of {spec.Name}: healing every fault and waiting until it is whole…");
            try
            {
                var reset = await new StandUpReset(native, console).ResetAsync(time, cancellationToken);
                console.WriteLine($"Reset in {reset.Duration.TotalSeconds:0.0} s{(reset.Leader is { } leader ? $", {leader} leads" : string.Empty)}");
                return (native, reset, null);
            }
            catch (StandUpResetException ex)
            {
                console.WriteLine($"Reset gave up ({ex.Message}); standing up afresh.");
            }
        }

        await TearDownAsync();
        var watch = Stopwatch.StartNew();
        _host = await run.StandUpAsync(time, cancellationToken);
        _spec = spec;
        return (_host, null, watch.Elapsed);
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
