using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Load;

namespace Simulator.AppHost.ControlRoom;

/// <summary>
/// A <see cref="LoadProfile"/> running on a topology in the background, through the load engine as a scenario's
/// workloads run (<see cref="LoadPlanFactory"/>); it ends by itself after the profile's duration or on
/// <see cref="StopAsync"/>.
/// </summary>
public sealed class BackgroundLoad : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly HttpClient _http;

    private BackgroundLoad(LoadProfile profile, CancellationTokenSource stop, HttpClient http, Task<LoadRunResult> completion, AcknowledgedOrders orders)
    {
        Profile = profile;
        _stop = stop;
        _http = http;
        Completion = completion;
        Orders = orders;
    }

    /// <summary>The profile running.</summary>
    public LoadProfile Profile { get; }

    /// <summary>The orders acknowledged so far.</summary>
    public AcknowledgedOrders Orders { get; }

    /// <summary>Whether <see cref="StopAsync"/> was called (the load did not end by itself).</summary>
    public bool StopRequested { get; private set; }

    /// <summary>Completes with what the load engine measured once the load ended (by itself or stopped).</summary>
    public Task<LoadRunResult> Completion { get; }

    /// <summary>Starts <paramref name="profile"/> on every region's ingress of <paramref name="topology"/>.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="topology">The running topology.</param>
    /// <param name="time">The load's clock.</param>
    /// <returns>The running load.</returns>
    public static BackgroundLoad Start(LoadProfile profile, NativeTopology topology, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(topology);
        var scenario = profile.ToScenario(topology.Regions.Select(r => r.Name));
        var plan = LoadPlanFactory.Plan(scenario);
        var http = LoadPlanFactory.NewLoadHttpClient();
        var workloads = LoadPlanFactory.Workloads(scenario, topology, http, time);
        var orders = new AcknowledgedOrders();
        var stop = new CancellationTokenSource();
        // Off the caller's context: the command that started it returns at once.
        var completion = Task.Run(() => LoadRun.RunAsync(plan, workloads, new LoadRunOptions { Ledger = orders }, time, stop.Token), CancellationToken.None);
        return new BackgroundLoad(profile, stop, http, completion, orders);
    }

    /// <summary>Stops scheduling; in-flight orders get the engine's grace period. Returns what was measured.</summary>
    /// <returns>The load's result.</returns>
    public async Task<LoadRunResult> StopAsync()
    {
        StopRequested = true;
        await _stop.CancelAsync();
        return await Completion;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        // Whatever it ended with was reported by whoever awaited it; here it only has to be over.
        await ((Task)Completion).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _http.Dispose();
    }
}
