using System.Globalization;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Simulator.AppHost.ControlRoom;
using Simulator.AppHost.Failover;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Native;
using Simulator.AppHost.Run;
using Simulator.AppHost.Telemetry;
using Simulator.AppHost.Topology;
using Xunit.Abstractions;
using static Simulator.AppHost.Tests.ResourceSnapshots;

namespace Simulator.AppHost.Tests.ControlRoom;

/// <summary>
/// single-primary-multi-replica (three regions, a Patroni node each) stood up as <c>sim up</c> does, its Patroni
/// nodes' commands invoked through <see cref="ResourceCommandService"/> as the dashboard does, and their effect
/// checked against what each node's Patroni answers on its REST API: switchover to here moves the leader, freeze
/// silences a node, kill and heal everything bring one down and back. The nodes' live properties follow along. One
/// standup in all.
/// </summary>
public sealed class PatroniControlRoomTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Switchover_to_here_moves_the_leader_and_the_nodes_properties_and_process_commands_follow()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        var log = new ControlRoomLog(TimeProvider.System, e => output.WriteLine(e.ToString()));
        await using var collector = OtlpCollector.Start();
        var host = await TopologyHost.StartAsync(
            new TopologyHostOptions(TopologyCatalog.SinglePrimaryMultiReplica, Path.Combine(Fixtures.TempFolder(), "logs"), Dashboard: false, TimeSpan.FromMinutes(3), output.WriteLine)
            {
                CreateBuilder = () =>
                {
                    // The collector stands in for the dashboard's OTLP/HTTP endpoint (as in LiveTelemetryTests).
                    var builder = TestingBuilders.Create();
                    builder.Configuration[OtlpTarget.GrpcUrlKey] = null;
                    builder.Configuration[OtlpTarget.HttpUrlKey] = collector.Url.ToString();
                    return builder;
                },
                ControlRoom = log,
            },
            TimeProvider.System,
            ct);
        try
        {
            await CheckAsync(host, log, ct);
            await CheckLagGaugesAsync(collector, ct);
        }
        finally
        {
            await host.DisposeAsync();
        }

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(30));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    private async Task CheckAsync(TopologyHost host, ControlRoomLog log, CancellationToken ct)
    {
        var commands = host.App.Services.GetRequiredService<ResourceCommandService>();
        var notifications = host.App.ResourceNotifications;
        var cluster = host.Topology.Patroni!;
        var eu = cluster.Node("eu").Resource;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        // Synchronous replication: Patroni hands over only to the synchronous standby, whichever of us and apac it is now.
        var syncName = Assert.Single(await PatroniApi.GetSyncStandbysAsync(http, eu.RestUrl, ct));
        var target = cluster.Nodes.Single(n => n.Resource.Name == syncName).Resource;
        var other = cluster.Nodes.Single(n => n.Resource != eu && n.Resource != target).Resource;
        output.WriteLine($"synchronous standby: {target.Name}; the other replica: {other.Name}");

        // Before: eu leads (it bootstrapped); the dashboard shows it, with Patroni's state, the timeline and replicas' lag.
        var leaderBefore = await PatroniApi.GetStatusAsync(http, eu.RestUrl, ct);
        Assert.True(leaderBefore.IsPrimary, $"eu-pg-1 is {leaderBefore.Role}");
        var timeline = leaderBefore.Timeline!.Value;
        var euShown = await ShownAsync(notifications, eu.Name, ResourceRoles.Leader, ct);
        Assert.Equal("running", Property(euShown, ResourceRoles.PatroniStateProperty));
        Assert.Equal(timeline.ToString(CultureInfo.InvariantCulture), Property(euShown, ResourceRoles.TimelineProperty));
        Assert.Null(Property(euShown, ResourceRoles.LagBytesProperty));
        var targetShown = await ShownAsync(notifications, target.Name, "replica", ct, s => Property(s, ResourceRoles.LagBytesProperty) is not null);
        Assert.True(long.Parse(Property(targetShown, ResourceRoles.LagBytesProperty)!, CultureInfo.InvariantCulture) >= 0);
        Assert.Equal(ResourceCommandState.Disabled, CommandState(euShown, ControlRoomCommands.SwitchoverHere));
        await notifications.WaitForResourceAsync(target.Name, e => CommandState(e, ControlRoomCommands.SwitchoverHere) == ResourceCommandState.Enabled, ct).WaitAsync(Patience, ct);

        // Refused on the leader itself, with the reason.
        var refused = await commands.ExecuteCommandAsync(eu.Name, ControlRoomCommands.SwitchoverHere, ct);
        Assert.False(refused.Success, "a switchover to the leader itself was accepted");
        Assert.Contains("eu-pg-1 leads already", refused.Message, StringComparison.Ordinal);
        var notSync = await commands.ExecuteCommandAsync(other.Name, ControlRoomCommands.SwitchoverHere, ct);
        Assert.False(notSync.Success, "a switchover to the replica that is not the synchronous standby was accepted");
        Assert.Contains($"{other.Name} is not the synchronous standby ({target.Name} is)", notSync.Message, StringComparison.Ordinal);

        // Switchover to the synchronous standby: its own Patroni says it leads on the next timeline, and eu comes back as its replica.
        var switched = await ExpectSuccessAsync(commands.ExecuteCommandAsync(target.Name, ControlRoomCommands.SwitchoverHere, ct));
        Assert.StartsWith($"eu-pg-1 → {target.Name}: {target.Name} leads now", switched, StringComparison.Ordinal);
        var targetNow = await PatroniApi.GetStatusAsync(http, target.RestUrl, ct);
        Assert.True(targetNow.IsPrimary && targetNow.IsRunning, $"{target.Name} is {targetNow.Role} ({targetNow.State}) after the switchover");
        Assert.Equal(timeline + 1, targetNow.Timeline);
        Assert.True(await UntilAsync(async () => (await TryStatusAsync(http, eu, ct)) is { IsReplica: true, IsRunning: true }, ct), "eu-pg-1 did not come back as a replica");

        // The dashboard follows: the target leads on the new timeline, eu is a replica with a lag; the command moved with the role.
        targetShown = await ShownAsync(notifications, target.Name, ResourceRoles.Leader, ct);
        Assert.Equal((timeline + 1).ToString(CultureInfo.InvariantCulture), Property(targetShown, ResourceRoles.TimelineProperty));
        Assert.Equal(ResourceCommandState.Disabled, CommandState(targetShown, ControlRoomCommands.SwitchoverHere));
        euShown = await ShownAsync(notifications, eu.Name, "replica", ct, s => Property(s, ResourceRoles.LagBytesProperty) is not null);
        Assert.Equal("running", Property(euShown, ResourceRoles.PatroniStateProperty));

        // The lag gauges' source reads the two replicas, measured against the new leader.
        using (var reader = new PatroniNodesReader([eu, target, other], TimeSpan.FromSeconds(2)))
        {
            var lag = await new PatroniLagSource(reader).ReadAsync(DateTimeOffset.UtcNow, ct);
            Assert.Equal(new[] { eu.Name, other.Name }.Order(StringComparer.Ordinal), lag.Select(s => s.Node).Order(StringComparer.Ordinal));
            Assert.All(lag, s => Assert.True(s.Bytes is >= 0 and < 16 * 1024 * 1024, $"{s.Node} lag {s.Bytes} bytes"));
        }

        // Freeze the other replica: its Patroni stops answering, the dashboard says so, and a switchover to it is refused; thaw undoes it.
        var frozen = await ExpectSuccessAsync(commands.ExecuteCommandAsync(other.Name, ControlRoomCommands.Freeze, ct));
        Assert.StartsWith($"pause {other.Name}: ", frozen, StringComparison.Ordinal);
        Assert.Null(await TryStatusAsync(http, other, ct));
        var apacShown = await notifications.WaitForResourceAsync(
            other.Name, e => Property(e, ResourceRoles.PatroniStateProperty) == PatroniNodeProperties.NotAnswering, ct).WaitAsync(Patience, ct);
        Assert.Equal(ResourceCommandState.Disabled, CommandState(apacShown, ControlRoomCommands.SwitchoverHere));
        var toFrozen = await commands.ExecuteCommandAsync(other.Name, ControlRoomCommands.SwitchoverHere, ct);
        Assert.False(toFrozen.Success, "a switchover to a frozen node was accepted");
        Assert.Contains($"{other.Name} is not answering", toFrozen.Message, StringComparison.Ordinal);
        await ExpectSuccessAsync(commands.ExecuteCommandAsync(other.Name, ControlRoomCommands.Thaw, ct));
        Assert.True(await UntilAsync(async () => (await TryStatusAsync(http, other, ct)) is { IsRunning: true }, ct), $"{other.Name} did not answer after the thaw");
        await ShownAsync(notifications, other.Name, "replica", ct);

        // Kill eu (now a replica): Patroni and its postmaster are gone; heal everything starts it, and it rejoins as a replica.
        var pid = int.Parse(Property(State(notifications, eu.Name), "executable.pid")!, CultureInfo.InvariantCulture);
        var killed = await ExpectSuccessAsync(commands.ExecuteCommandAsync(eu.Name, ControlRoomCommands.Kill, ct));
        Assert.Contains(pid.ToString(CultureInfo.InvariantCulture), killed, StringComparison.Ordinal);
        Assert.False(LeftoverProcesses.IsAlive(pid), $"Patroni {pid} of the killed node is still there");
        Assert.Null(await TryStatusAsync(http, eu, ct));
        var healed = await ExpectSuccessAsync(commands.ExecuteCommandAsync(host.Topology.Spec.Name, ControlRoomCommands.HealAll, ct));
        Assert.Contains($"start {eu.Name}", healed, StringComparison.Ordinal);
        Assert.True(await UntilAsync(async () => (await TryStatusAsync(http, eu, ct)) is { IsReplica: true, IsRunning: true }, ct), "eu-pg-1 did not rejoin as a replica");
        Assert.True((await PatroniApi.GetStatusAsync(http, target.RestUrl, ct)).IsPrimary, $"{target.Name} no longer leads after eu-pg-1 came back");
        await ShownAsync(notifications, eu.Name, "replica", ct);

        // The run folder lists every process running now with its start time (eu-pg-1's restarted one too), for a later start to reap.
        var running = host.Topology.AllResources()
            .Select(r => int.Parse(Property(State(notifications, r.Name), "executable.pid")!, CultureInfo.InvariantCulture))
            .Select(p => (p, ProcFs.StartTime(p)!.Value))
            .ToList();
        HashSet<(int, long)> recorded = [];
        // The recorder writes once a second.
        await UntilAsync(() =>
        {
            recorded = [.. RecordedProcesses.Read(host.Topology.Run.Folder).Select(r => (r.Pid, r.StartTime))];
            return Task.FromResult(running.All(recorded.Contains));
        }, ct);
        Assert.All(running, p => Assert.Contains(p, recorded));
        Assert.Contains(pid, recorded.Select(r => r.Item1));
        output.WriteLine($"{recorded.Count} processes recorded for {host.Topology.AllResources().Count()} resources");

        // The log: every command in order; the switchover is an instant in the fault timeline, on the region that took over.
        Assert.Equal(["switchover", "switchover", "switchover", "freeze", "switchover", "thaw", "kill", "heal-all"], log.Events.Select(e => e.Action));
        Assert.Equal([false, false, true, true, false, true, true, true], log.Events.Select(e => e.Succeeded));
        Assert.Equal([("switchover", target.Region), ("pause", other.Name), ("kill", eu.Name)], log.Faults.Select(f => (f.Kind, f.Target)));
        Assert.Equal(log.Faults[0].StartedAtSeconds, log.Faults[0].EndedAtSeconds);
        Assert.Empty(log.OpenFaults());
    }

    /// <summary>
    /// The AppHost's lag gauges reached the collector for eu-pg-1, the old leader, a replica after the switchover, in
    /// its region, a number of bytes.
    /// </summary>
    private static async Task CheckLagGaugesAsync(OtlpCollector collector, CancellationToken ct)
    {
        static List<OtlpPoint> Lag(OtlpCollector collector, string node) =>
            [.. collector.Points.Where(p => p.Service == LiveTelemetry.ServiceName && p.Metric == "sim.replication.lag.bytes" && p.Attributes.GetValueOrDefault("sim.node") == node)];

        Assert.True(await UntilAsync(() => Task.FromResult(Lag(collector, "eu-pg-1").Count > 0), ct), "no lag gauge for eu-pg-1 after it became a replica");
        Assert.All(Lag(collector, "eu-pg-1"), p => Assert.Equal("eu", p.Attributes["sim.region"]));
        Assert.All(Lag(collector, "eu-pg-1"), p => Assert.True(p.Value >= 0));
        Assert.Contains(collector.Points, p => p.Service == LiveTelemetry.ServiceName && p.Metric == "sim.replication.lag");
    }

    /// <summary>Waits until the dashboard shows <paramref name="node"/> in <paramref name="role"/> (and anything else asked).</summary>
    private static Task<ResourceEvent> ShownAsync(
        ResourceNotificationService notifications, string node, string role, CancellationToken ct, Func<ResourceEvent, bool>? also = null) =>
        notifications.WaitForResourceAsync(node, e => Property(e, ResourceRoles.RoleProperty) == role && (also?.Invoke(e) ?? true), ct).WaitAsync(Patience, ct);

    private static async Task<PatroniStatus?> TryStatusAsync(HttpClient http, PatroniNodeResource node, CancellationToken ct)
    {
        try
        {
            return await PatroniApi.GetStatusAsync(http, node.RestUrl, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException || (ex is TaskCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
    }

    private static async Task<bool> UntilAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(500, ct);
        }

        return false;
    }
}
