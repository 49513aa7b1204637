using System.Globalization;
using Simulator.AppHost.Failover;
using Simulator.Chaos;
using Simulator.Load.Reports;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>
/// The network conditions and faults of one run: applies the scenario's latency matrix through the fault proxy's
/// API once the topology is up, runs its <c>faults:</c> on the load's clock (<see cref="Begin"/> from the load
/// engine's clock start), and on <see cref="EndAsync"/> undoes what is still in effect and returns each fault's
/// actual start and end for the report.
/// </summary>
public sealed class FaultSession : IAsyncDisposable
{
    private readonly FaultTimeline _timeline;
    private readonly ToxiproxyClient? _client;
    private readonly Progress _progress;
    private readonly CancellationTokenSource _stop = new();
    private static readonly TimeSpan RoleProbeTimeout = TimeSpan.FromSeconds(2);
    private Task<IReadOnlyList<FaultRecord>>? _running;
    private readonly PatroniClusterProbe? _probe;

    private FaultSession(FaultTimeline timeline, ToxiproxyClient? client, PatroniClusterProbe? probe, Progress progress)
    {
        _timeline = timeline;
        _client = client;
        _probe = probe;
        _progress = progress;
    }

    /// <summary>Whether the run has faults to inject.</summary>
    public bool HasFaults { get; private init; }

    /// <summary>
    /// Connects to the topology's fault proxy (when it has one), applies the scenario's latency matrix to every
    /// link, and prepares the timeline. Faults' targets were checked before the topology started
    /// (<see cref="FaultPlan.Validate"/>).
    /// </summary>
    /// <param name="host">The running topology.</param>
    /// <param name="scenario">The scenario, with its network settings and faults.</param>
    /// <param name="console">Where the network settings, and fault events without <paramref name="onFault"/>, are printed.</param>
    /// <param name="time">The run's clock.</param>
    /// <param name="onFault">
    /// Told of each fault as it starts (end null), fails to start (with <see cref="FaultReport.Error"/>) and ends
    /// (end set), e.g. <c>LiveProgressPrinter.ReportFault</c>; null to print a line per event instead. A fault that
    /// could not be undone is always printed.
    /// </param>
    /// <param name="cancellationToken">Cancels the set-up.</param>
    public static async Task<FaultSession> StartAsync(
        TopologyHost host,
        Scenario scenario,
        TextWriter console,
        TimeProvider time,
        Action<FaultReport>? onFault = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(time);
        var topology = host.Topology;
        ToxiproxyClient? client = null;
        ILinkFaults? links = null;
        if (topology.FaultProxy is { } proxy)
        {
            client = new ToxiproxyClient(new Uri(proxy.Resource.ApiUrl));
            var mesh = await ProxyMesh.AttachAsync(client, cancellationToken);
            var matrix = FaultPlan.Latency(scenario);
            await mesh.ApplyLatencyAsync(matrix, cancellationToken);
            foreach (var entry in matrix.Entries)
            {
                var count = mesh.Links.Count(l => LinkTarget.Between(entry.First, entry.Second).Matches(l.Name) || (l.Name.IsFromAnyRegion && (l.Name.To == entry.First || l.Name.To == entry.Second)));
                console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Network: {entry.First}–{entry.Second} {entry.RoundTrip.TotalMilliseconds:0} ms round trip ± {matrix.Jitter.TotalMilliseconds:0} ms on {count} link(s)"));
            }

            links = new ProxyLinkFaults(mesh);
        }

        var processes = new ResourceProcesses(host.App, topology);
        IProcessFaults? processFaults = SignalProcessFaults.IsSupported ? new SignalProcessFaults(processes.PidsAsync, processes.StartAsync) : null;
        if (topology.Patroni is not null && links is not null && processFaults is not null)
        {
            // A region's partition also isolates its etcd member (see PatroniRegionIsolation for why cutting is not enough).
            links = new PatroniRegionIsolation(links, processFaults, topology);
        }
        PatroniClusterProbe? probe = null;
        IClusterFaults? clusterFaults = null;
        if (topology.Patroni is { } cluster)
        {
            // Roles are resolved when a fault fires, from what Patroni says then.
            probe = PatroniClusterProbe.For(cluster, RoleProbeTimeout);
            var roleProbe = probe;
            var regionFailover = cluster.Standbys.Count > 0 && processFaults is not null ? new PatroniRegionFailover(cluster, processFaults, time) : null;
            clusterFaults = new PatroniSwitchover(cluster, probe, time, regionFailover);
            processFaults = processFaults is null ? null : new RoleProcessFaults(processFaults, PatroniRoles.All, async (role, token) =>
                PatroniRoles.Holder(await roleProbe.ProbeAsync(time.GetUtcNow(), token), role));
        }

        var specs = FaultPlan.Specs(scenario);
        var timeline = new FaultTimeline(specs, new FaultTimelineOptions
        {
            LinkFaults = links,
            ProcessFaults = processFaults,
            ClusterFaults = clusterFaults,
            Regions = [.. topology.Spec.Regions.Select(r => r.Name)],
            Time = time,
        });
        return new FaultSession(timeline, client, probe, new Progress(console, onFault)) { HasFaults = specs.Count > 0 };
    }

    /// <summary>Starts the fault timeline on a run whose clock started at <paramref name="runStartTimestamp"/>; once.</summary>
    public void Begin(long runStartTimestamp)
    {
        if (!HasFaults || _running is not null)
        {
            return;
        }

        _running = _timeline.RunAsync(runStartTimestamp, _progress, _stop.Token);
    }

    /// <summary>
    /// Ends the timeline: faults not yet due are skipped, pauses and network faults still in effect are undone.
    /// Returns every fault that was set about, with its actual start and end in seconds from the run's start.
    /// </summary>
    public async Task<IReadOnlyList<FaultReport>> EndAsync()
    {
        if (_running is null)
        {
            return [];
        }

        await _stop.CancelAsync();
        var records = await _running;
        return [.. records.Where(r => r.StartedAtSeconds is not null).Select(ToReport)];
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_running is not null && !_running.IsCompleted)
        {
            await EndAsync();
        }

        _client?.Dispose();
        _probe?.Dispose();
        _stop.Dispose();
    }

    private static FaultReport ToReport(FaultRecord record) =>
        new(record.Kind, record.Target, record.StartedAtSeconds!.Value, record.EndedAtSeconds)
        {
            Error = record.Outcome == FaultOutcome.Failed ? record.Message ?? "failed" : null,
        };

    /// <summary>Hands fault events to the observer, or prints one console line per event.</summary>
    private sealed class Progress(TextWriter console, Action<FaultReport>? onFault) : IProgress<FaultEvent>
    {
        private readonly Lock _gate = new();

        public void Report(FaultEvent value)
        {
            var record = value.Record;
            if (onFault is not null && value.Kind is FaultEventKind.Started or FaultEventKind.Failed or FaultEventKind.Ended)
            {
                onFault(ToReport(record));
                return;
            }

            var what = value.Kind switch
            {
                FaultEventKind.Started => "started",
                FaultEventKind.Failed => "FAILED",
                FaultEventKind.Ended => $"ended ({record.EndReason?.ToString().ToLowerInvariant()})",
                FaultEventKind.EndFailed => "could NOT be undone",
                _ => "skipped",
            };
            var detail = record.Message is { Length: > 0 } message ? $": {message}" : string.Empty;
            lock (_gate)
            {
                console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{value.AtSeconds,6:0.0}s] fault {record.Kind} {record.Target} {what}{detail}"));
            }
        }
    }
}
