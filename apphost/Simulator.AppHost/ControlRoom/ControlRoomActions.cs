using System.Globalization;
using Simulator.AppHost.Failover;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Chaos;
using Simulator.Load;
using Simulator.Load.Failover;

namespace Simulator.AppHost.ControlRoom;

/// <summary>
/// What the dashboard's custom commands do to a running topology: network faults on a region's links through the
/// fault proxy, process faults on a database node through its PIDs, and a background load. Each action returns a
/// command result saying what it did (or why it could not) and is recorded in the <see cref="ControlRoomLog"/>.
/// One instance per app (a singleton), so what it froze it can thaw.
/// </summary>
public sealed class ControlRoomActions : IAsyncDisposable
{
    private const string Partition = "partition";
    private const string Latency = "latency";
    private const string Pause = "pause";
    private const string Kill = "kill";
    private const string SwitchoverKind = "switchover";
    private static readonly TimeSpan PatroniRequestTimeout = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LeaderPatience = TimeSpan.FromSeconds(30);
    private readonly NativeTopology _topology;
    private readonly ControlRoomLog _log;
    private static readonly TimeSpan ExitNoticeTimeout = TimeSpan.FromSeconds(30);
    private readonly ResourceNotificationService _notifications;
    private readonly ResourceProcesses _resources;
    private readonly SignalProcessFaults _processes;
    private readonly SemaphoreSlim _linksGate = new(1, 1);
    private readonly Lock _loadGate = new();
    private ToxiproxyClient? _client;
    private ProxyLinkFaults? _links;
    private BackgroundLoad? _load;

    /// <summary>Creates the actions on a running topology.</summary>
    /// <param name="topology">The topology.</param>
    /// <param name="log">Where every action is recorded.</param>
    /// <param name="notifications">The app's resource states (PIDs, running or not).</param>
    /// <param name="commands">The app's resource commands (to start a killed node again).</param>
    public ControlRoomActions(NativeTopology topology, ControlRoomLog log, ResourceNotificationService notifications, ResourceCommandService commands)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(log);
        _topology = topology;
        _log = log;
        _notifications = notifications;
        _resources = new ResourceProcesses(notifications, commands, topology);
        _processes = new SignalProcessFaults(_resources.PidsAsync, _resources.StartAsync);
    }

    /// <summary>The resources standing for the regions, which show the network faults in effect on them.</summary>
    public IReadOnlyDictionary<string, IResource> Regions { get; init; } = new Dictionary<string, IResource>();

    /// <summary>The log every action is recorded in.</summary>
    public ControlRoomLog Log => _log;

    /// <summary>The load running now, or null.</summary>
    public BackgroundLoad? Load
    {
        get
        {
            lock (_loadGate)
            {
                return _load;
            }
        }
    }

    /// <summary>Cuts every link into and out of <paramref name="region"/>, both ways.</summary>
    public Task<ExecuteCommandResult> IsolateAsync(string region, CancellationToken cancellationToken) =>
        ActAsync("isolate", region, async () =>
        {
            var fault = await (await LinksAsync(cancellationToken)).PartitionAsync(LinkTarget.Region(region), PartitionDirection.Both, cancellationToken);
            return new($"cut {Describe(fault.Links)} both ways; connections hang until healed", Started: [new(Partition, region)]);
        });

    /// <summary>Adds <paramref name="roundTrip"/> to every exchange on the links into and out of <paramref name="region"/>.</summary>
    public Task<ExecuteCommandResult> AddLatencyAsync(string region, TimeSpan roundTrip, CancellationToken cancellationToken) =>
        ActAsync("add-latency", region, async () =>
        {
            var fault = await (await LinksAsync(cancellationToken)).AddLatencyAsync(LinkTarget.Region(region), roundTrip, TimeSpan.Zero, cancellationToken);
            return new(
                string.Create(CultureInfo.InvariantCulture, $"+{roundTrip.TotalMilliseconds:0} ms round trip on {Describe(fault.Links)} (on top of any latency already there)"),
                Started: [new(Latency, region)]);
        });

    /// <summary>Removes every network fault from the links into and out of <paramref name="region"/>.</summary>
    public Task<ExecuteCommandResult> HealRegionAsync(string region, CancellationToken cancellationToken) =>
        ActAsync("heal", region, async () =>
        {
            var healed = await (await LinksAsync(cancellationToken)).HealAsync(LinkTarget.Region(region), cancellationToken);
            return new(
                healed.Count == 0 ? $"no network fault was in effect on {region}'s links" : $"removed {string.Join(", ", healed.Select(f => $"{f.Kind} on {f.Target}"))}",
                Ended: [.. healed.Select(f => new ControlRoomFault(f.Kind, f.Target.ToString()))]);
        });

    /// <summary>Polls Patroni until <paramref name="node"/> leads; throws if it does not within <see cref="LeaderPatience"/>.</summary>
    private async Task<ClusterObservation> LeaderNowAsync(PatroniClusterProbe probe, string node, CancellationToken cancellationToken)
    {
        var started = _log.Time.GetTimestamp();
        while (true)
        {
            var observation = await probe.ProbeAsync(_log.Time.GetUtcNow(), cancellationToken);
            if (observation.Leader == node && observation.Nodes.Any(n => n.Node == node && n.IsRunningPrimary))
            {
                return observation;
            }

            if (_log.Time.GetElapsedTime(started) > LeaderPatience)
            {
                throw new InvalidOperationException(
                    $"Patroni accepted the switchover but {node} did not lead within {LeaderPatience.TotalSeconds:0} s (leader key: {observation.Leader ?? "none"})");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), _log.Time, cancellationToken);
        }
    }

    /// <summary>SIGKILLs the database node's processes; Aspire's Start brings it back.</summary>
    public Task<ExecuteCommandResult> KillAsync(string node, CancellationToken cancellationToken) =>
        ActAsync("kill", node, async () =>
        {
            var result = await _processes.KillAsync(node, cancellationToken);
            // Returns once Aspire has seen it exit too, so the dashboard offers Start and heal-all finds it down.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(ExitNoticeTimeout);
            var exited = await _notifications.WaitForResourceAsync(node, e => e.Snapshot.State?.Text != KnownResourceStates.Running, timeout.Token);
            var unreaped = await ReapedProcesses.WaitAsync(result.Pids, ExitNoticeTimeout, _log.Time, cancellationToken);
            var restart = unreaped.Count == 0
                ? "Start or Heal everything brings it back"
                : $"{unreaped.Count} of its processes are not reaped yet, so it may not start again at once";
            return new($"{result}; Aspire shows it {exited.Snapshot.State?.Text}; {restart}", Started: [new(Kill, node)]);
        });

    /// <summary>SIGSTOPs the database node's process tree: it keeps its connections but answers nothing.</summary>
    public Task<ExecuteCommandResult> FreezeAsync(string node, CancellationToken cancellationToken) =>
        ActAsync("freeze", node, async () =>
        {
            var result = await _processes.PauseAsync(node, cancellationToken);
            return new($"{result}; it answers nothing until thawed", Started: [new(Pause, node)]);
        });

    /// <summary>SIGCONTs what <see cref="FreezeAsync"/> stopped.</summary>
    public Task<ExecuteCommandResult> ThawAsync(string node, CancellationToken cancellationToken) =>
        ActAsync("thaw", node, async () =>
        {
            var result = await _processes.ResumeAsync(node, cancellationToken);
            return new(result.ToString(), Ended: [new(Pause, node)]);
        });

    /// <summary>
    /// Makes the Patroni node <paramref name="node"/> the leader by a planned switchover, once Patroni confirms it is
    /// a running replica and another node leads; returns when Patroni itself says the node leads. The run's timeline
    /// records it as the instantaneous fault <c>switchover</c> on the node's region, as a scenario's switchover is.
    /// </summary>
    public Task<ExecuteCommandResult> SwitchoverAsync(string node, CancellationToken cancellationToken) =>
        ActAsync("switchover", node, async () =>
        {
            var cluster = _topology.Patroni ?? throw new InvalidOperationException($"{_topology.Spec.Name} has no Patroni cluster: its primary is fixed");
            var target = cluster.Nodes.FirstOrDefault(n => n.Resource.Name == node)?.Resource
                ?? throw new InvalidOperationException($"{node} is not a node of the Patroni cluster");
            using var probe = PatroniClusterProbe.For(cluster, PatroniRequestTimeout);
            var before = await probe.ProbeAsync(_log.Time.GetUtcNow(), cancellationToken);
            var self = before.Nodes.Single(n => n.Node == node);
            var leader = PatroniRoles.Holder(before, PatroniRoles.Leader);
            if (leader == node)
            {
                throw new InvalidOperationException($"{node} leads already: there is nothing to switch over");
            }

            if (!self.IsRunningReplica)
            {
                throw new InvalidOperationException(
                    $"{node} is {(self.Reachable ? $"{self.Role ?? "of no role"}{(self.Running ? "" : ", PostgreSQL not running")}" : "not answering")}: only a running replica can take over");
            }

            if (cluster.Options.Replication == PatroniReplication.Sync)
            {
                using var http = new HttpClient { Timeout = PatroniRequestTimeout };
                var leaderUrl = cluster.Nodes.Single(n => n.Resource.Name == leader).Resource.RestUrl;
                var sync = await PatroniApi.GetSyncStandbysAsync(http, leaderUrl, cancellationToken);
                if (!sync.Contains(node))
                {
                    throw new InvalidOperationException(
                        $"{node} is not the synchronous standby ({(sync.Count == 0 ? "there is none now" : string.Join(", ", sync) + " is")}): with synchronous replication Patroni hands the leadership only to it");
                }
            }

            var patroni = await new PatroniSwitchover(cluster, probe, _log.Time).SwitchoverAsync(target.Region, cancellationToken);
            var after = await LeaderNowAsync(probe, node, cancellationToken);
            var timeline = after.Nodes.Single(n => n.Node == node).Timeline;
            return new(
                $"{leader} → {node}: {node} leads now (timeline {timeline?.ToString(CultureInfo.InvariantCulture) ?? "?"}), {leader} restarts as a replica; Patroni: {patroni}",
                Instant: [new(SwitchoverKind, target.Region)]);
        });

    /// <summary>Starts the load profile of that name on every region's ingress; refused while another load runs.</summary>
    public Task<ExecuteCommandResult> StartLoadAsync(string? profileName, TimeProvider time) =>
        ActAsync("start-load", _topology.Spec.Name, () =>
        {
            var profile = LoadProfiles.Find(profileName)
                ?? throw new InvalidOperationException($"no load profile '{profileName}'; known: {string.Join(", ", LoadProfiles.All.Select(p => p.Name))}");
            BackgroundLoad load;
            lock (_loadGate)
            {
                if (_load is { } running)
                {
                    throw new InvalidOperationException($"{running.Profile.Name} is running; stop it first");
                }

                _load = load = BackgroundLoad.Start(profile, _topology, time);
            }

            _ = load.Completion.ContinueWith(task => EndedAsync(load, task), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            return Task.FromResult(new Outcome(
                $"{profile.Name}: {profile.Description} ({string.Join(", ", _topology.Regions.Select(r => r.Name))}); it stops by itself or on Stop load"));
        });

    /// <summary>Stops the running load and says what it measured.</summary>
    public Task<ExecuteCommandResult> StopLoadAsync() =>
        ActAsync("stop-load", _topology.Spec.Name, async () =>
        {
            var load = Load ?? throw new InvalidOperationException("no load is running");
            LoadRunResult? result = null;
            try
            {
                result = await load.StopAsync();
            }
            catch (OperationCanceledException)
            {
                // Stopped while its workloads were still initializing: nothing was measured.
            }

            Forget(load);
            await load.DisposeAsync();
            return new($"stopped {load.Profile.Name}: {(result is null ? "before it started" : Summary(load, result))}");
        });

    /// <summary>Removes every network fault, thaws every frozen node and starts every killed database node again.</summary>
    public Task<ExecuteCommandResult> HealAllAsync(CancellationToken cancellationToken) =>
        ActAsync("heal-all", _topology.Spec.Name, async () =>
        {
            var done = new List<string>();
            var ended = new List<ControlRoomFault>();
            if (_topology.FaultProxy is not null)
            {
                var healed = await (await LinksAsync(cancellationToken)).HealAllAsync(cancellationToken);
                done.AddRange(healed.Select(f => $"{f.Kind} on {f.Target} removed"));
                ended.AddRange(healed.Select(f => new ControlRoomFault(f.Kind, f.Target.ToString())));
            }

            foreach (var node in _processes.Paused)
            {
                done.Add((await _processes.ResumeAsync(node, cancellationToken)).ToString());
                ended.Add(new(Pause, node));
            }

            foreach (var node in DatabaseNodes())
            {
                if (!_resources.IsRunning(node))
                {
                    await _resources.StartAsync(node, cancellationToken);
                    done.Add($"start {node}");
                    ended.Add(new(Kill, node));
                }
            }

            return new(done.Count == 0 ? "nothing to heal" : string.Join("; ", done), Ended: ended);
        });

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (Load is { } load)
        {
            await load.DisposeAsync();
        }

        _client?.Dispose();
        _linksGate.Dispose();
    }

    private static string Describe(IReadOnlyList<LinkName> links) =>
        $"{links.Count} link{(links.Count == 1 ? "" : "s")} ({string.Join(", ", links)})";

    private static string Summary(BackgroundLoad load, LoadRunResult result)
    {
        var p99 = result.Workloads.Select(w => w.Latency?.P99).Where(p => p is not null).DefaultIfEmpty().Max();
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.DurationSeconds:0.0} s, {load.Orders.Count} orders acknowledged, {result.Workloads.Sum(w => w.Ok)} ok, {result.Workloads.Sum(w => w.Failed)} failed, {result.Unknown} unknown, {result.Workloads.Sum(w => w.Dropped)} dropped{(p99 is null ? "" : $", p99 {p99:0} ms")}");
    }

    private IEnumerable<string> DatabaseNodes() =>
        _topology.AllResources().Where(r => r is NativePostgresResource or PatroniNodeResource).Select(r => r.Name);

    /// <summary>A load that ended by itself (or could not start) is reported and let go; a stopped one was by <see cref="StopLoadAsync"/>.</summary>
    private async Task EndedAsync(BackgroundLoad load, Task<LoadRunResult> task)
    {
        if (load.StopRequested)
        {
            return;
        }

        Forget(load);
        var message = task.IsCompletedSuccessfully
            ? $"{load.Profile.Name} finished: {Summary(load, task.Result)}"
            : $"{load.Profile.Name} could not run: {task.Exception?.GetBaseException().Message ?? "cancelled while starting"}";
        _log.Record("load-ended", _topology.Spec.Name, message, task.IsCompletedSuccessfully);
        await load.DisposeAsync();
    }

    private void Forget(BackgroundLoad load)
    {
        lock (_loadGate)
        {
            if (_load == load)
            {
                _load = null;
            }
        }
    }

    private async Task<ILinkFaults> LinksAsync(CancellationToken cancellationToken)
    {
        var proxy = _topology.FaultProxy
            ?? throw new InvalidOperationException($"{_topology.Spec.Name} has no cross-region link: nothing to cut or slow down");
        await _linksGate.WaitAsync(cancellationToken);
        try
        {
            if (_links is null)
            {
                _client = new ToxiproxyClient(new Uri(proxy.Resource.ApiUrl));
                _links = new ProxyLinkFaults(await ProxyMesh.AttachAsync(_client, cancellationToken));
            }

            return _links;
        }
        finally
        {
            _linksGate.Release();
        }
    }

    private async Task<ExecuteCommandResult> ActAsync(string action, string target, Func<Task<Outcome>> act)
    {
        try
        {
            var outcome = await act();
            _log.Record(action, target, outcome.Message, succeeded: true, outcome.Started, outcome.Ended, outcome.Instant);
            await ShowFaultsAsync([.. (outcome.Started ?? []).Concat(outcome.Ended ?? []).Select(f => f.Target).Distinct()]);
            return CommandResults.Success(outcome.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _log.Record(action, target, ex.Message, succeeded: false);
            return CommandResults.Failure(ex.Message);
        }
    }

    /// <summary>Shows on each target (a region or a node) the faults now in effect on it, in the dashboard's properties.</summary>
    private async Task ShowFaultsAsync(IReadOnlyList<string> targets)
    {
        var open = _log.OpenFaults();
        foreach (var target in targets)
        {
            var resource = _topology.AllResources().FirstOrDefault(r => r.Name == target) ?? Regions.GetValueOrDefault(target);
            if (resource is null)
            {
                continue;
            }

            var kinds = string.Join(", ", open.Where(f => f.Target == target).Select(f => f.Kind).Distinct().Order(StringComparer.Ordinal));
            await _notifications.PublishUpdateAsync(resource, s => s with
            {
                Properties = [.. s.Properties.Where(p => p.Name != ResourceRoles.FaultsProperty), new(ResourceRoles.FaultsProperty, kinds.Length == 0 ? "none" : kinds)],
            });
        }
    }

    /// <summary>What an action did, and the faults it started or ended.</summary>
    private sealed record Outcome(
        string Message, IReadOnlyList<ControlRoomFault>? Started = null, IReadOnlyList<ControlRoomFault>? Ended = null, IReadOnlyList<ControlRoomFault>? Instant = null);
}
