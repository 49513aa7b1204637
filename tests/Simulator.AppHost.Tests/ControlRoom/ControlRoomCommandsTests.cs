using System.Globalization;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Simulator.AppHost.ControlRoom;
using Simulator.AppHost.Run;
using Simulator.AppHost.Tests.Integration;
using Simulator.AppHost.Topology;
using Xunit.Abstractions;
using static Simulator.AppHost.Tests.ResourceSnapshots;

namespace Simulator.AppHost.Tests.ControlRoom;

/// <summary>
/// One two-region topology stood up as <c>sim up</c> does (the same <see cref="TopologyHost"/> with a control room),
/// every custom command invoked through <see cref="ResourceCommandService"/> — the service the dashboard calls — and
/// its effect watched from outside: round trips through <c>us-&gt;eu:postgres</c>, connections to a database node,
/// its process, and orders in the primary.
/// </summary>
public sealed class ControlRoomCommandsTests(ITestOutputHelper output)
{
    private const string Standby = "eu-pg-2";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_command_does_what_it_says_and_the_log_records_it()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var ct = timeout.Token;
        var log = new ControlRoomLog(TimeProvider.System, e => output.WriteLine(e.ToString()));
        var folder = Fixtures.TempFolder();
        var host = await TopologyHost.StartAsync(
            new TopologyHostOptions(TopologyCatalog.TwoRegion, Path.Combine(folder, "logs"), Dashboard: false, TimeSpan.FromMinutes(3), output.WriteLine)
            {
                CreateBuilder = TestingBuilders.Create,
                ControlRoom = log,
            },
            TimeProvider.System,
            ct);
        try
        {
            await CheckCommandsAsync(host, log, folder, ct);
        }
        finally
        {
            await host.DisposeAsync();
        }

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(30));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    private async Task CheckCommandsAsync(TopologyHost host, ControlRoomLog log, string folder, CancellationToken ct)
    {
        var commands = host.App.Services.GetRequiredService<ResourceCommandService>();
        var notifications = host.App.ResourceNotifications;
        var endpointsFile = Path.Combine(folder, "endpoints.json");
        await EndpointsFile.WriteAsync(endpointsFile, await EndpointsFile.DescribeAsync(host.Topology, ct), ct);
        using var endpoints = JsonDocument.Parse(await File.ReadAllTextAsync(endpointsFile, ct));
        using var probe = new TwoRegionProbe(endpoints.RootElement);
        var viaLink = await probe.ViaLinkAsync(ct);

        // The dashboard's view: regions running with their ingress, nodes showing region and role.
        await notifications.WaitForResourceAsync("eu", KnownResourceStates.Running, ct);
        Assert.True(notifications.TryGetCurrentState("us", out var us));
        Assert.Equal(RegionResource.ResourceType, us.Snapshot.ResourceType);
        Assert.Equal(host.Topology.Region("us").Ingress.Resource.IngressUrl, Assert.Single(us.Snapshot.Urls).Url);
        Assert.True(notifications.TryGetCurrentState("eu-pg-1", out var primary));
        Assert.Equal("primary", Property(primary, ResourceRoles.RoleProperty));
        Assert.Equal("eu", Property(primary, ResourceRoles.RegionProperty));
        Assert.True(notifications.TryGetCurrentState(Standby, out var standby));
        Assert.Equal("replica", Property(standby, ResourceRoles.RoleProperty));

        // Add latency on us: a round trip through the link takes that much longer; heal takes it away.
        var before = await ExtraRoundTripAsync(probe, viaLink, ct);
        var invalid = await commands.ExecuteCommandAsync("us", ControlRoomCommands.AddLatency, Milliseconds("soon"), ct);
        Assert.False(invalid.Success, "a latency of 'soon' was accepted");
        output.WriteLine($"add-latency soon: {invalid.Message}");
        Assert.Empty(log.Events);
        var slowed = await ExpectSuccessAsync(commands.ExecuteCommandAsync("us", ControlRoomCommands.AddLatency, Milliseconds("150"), ct));
        Assert.Contains("+150 ms round trip on 1 link (us->eu:postgres)", slowed, StringComparison.Ordinal);
        var during = await ExtraRoundTripAsync(probe, viaLink, ct);
        await ExpectSuccessAsync(commands.ExecuteCommandAsync("us", ControlRoomCommands.Heal, ct));
        var after = await ExtraRoundTripAsync(probe, viaLink, ct);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"link minus direct: {before:0.0} ms, with +150 ms {during:0.0} ms, healed {after:0.0} ms"));
        // Against the quieter of the two baselines around it: on a loaded machine one of them can come out 20 ms high.
        Assert.InRange(during - Math.Min(before, after), 140, 220);
        AssertLatencyGone(after - before, "heal");

        // Isolate eu: new connections through the link hang, the primary itself still answers; heal brings the link back.
        var isolated = await ExpectSuccessAsync(commands.ExecuteCommandAsync("eu", ControlRoomCommands.Isolate, ct));
        Assert.Contains("us->eu:postgres", isolated, StringComparison.Ordinal);
        Assert.Equal("partition", Property(State(notifications, "eu"), ResourceRoles.FaultsProperty));
        Assert.False(await TwoRegionProbe.CanQueryAsync(viaLink, ct), "a connection through the isolated link worked");
        Assert.Null(await probe.OdooCallAsync("us", ct));
        Assert.True(await TwoRegionProbe.CanQueryAsync(probe.Direct, ct), "the eu primary did not answer directly");
        await ExpectSuccessAsync(commands.ExecuteCommandAsync("eu", ControlRoomCommands.Heal, ct));
        Assert.Equal("none", Property(State(notifications, "eu"), ResourceRoles.FaultsProperty));
        var recovered = await TwoRegionProbe.SecondsUntilAsync(() => TwoRegionProbe.CanQueryAsync(viaLink, ct), Patience, ct);
        Assert.True(recovered is not null, "the link did not come back after heal");

        // Freeze the eu standby: it accepts nothing until thawed.
        var node = host.Topology.Region("eu").Replicas[0].Resource;
        Assert.Equal(Standby, node.Name);
        var nodeConnection = new NpgsqlConnectionStringBuilder(await node.ConnectionStringExpression.GetValueAsync(ct)) { Pooling = false, Timeout = 2 }.ConnectionString;
        Assert.True(await TwoRegionProbe.CanQueryAsync(nodeConnection, ct));
        var frozen = await ExpectSuccessAsync(commands.ExecuteCommandAsync(Standby, ControlRoomCommands.Freeze, ct));
        Assert.StartsWith($"pause {Standby}: ", frozen, StringComparison.Ordinal);
        Assert.Equal("pause", Property(State(notifications, Standby), ResourceRoles.FaultsProperty));
        Assert.False(await TwoRegionProbe.CanQueryAsync(nodeConnection, ct), "the frozen node answered");
        await ExpectSuccessAsync(commands.ExecuteCommandAsync(Standby, ControlRoomCommands.Thaw, ct));
        Assert.True(await TwoRegionProbe.SecondsUntilAsync(() => TwoRegionProbe.CanQueryAsync(nodeConnection, ct), Patience, ct) is not null, "the thawed node did not answer");

        // A load profile: orders acknowledged through both regions, every one in the primary; stopped, no more come in.
        await ExpectSuccessAsync(commands.ExecuteCommandAsync(host.Topology.Spec.Name, ControlRoomCommands.StartLoad, Profile(LoadProfiles.LightImport.Name), ct));
        var actions = host.App.Services.GetRequiredService<ControlRoomActions>();
        var load = actions.Load ?? throw new InvalidOperationException("no load is running after start-load");
        Assert.False((await commands.ExecuteCommandAsync(host.Topology.Spec.Name, ControlRoomCommands.StartLoad, Profile(LoadProfiles.LightImport.Name), ct)).Success, "a second load started");
        Assert.True(await TwoRegionProbe.SecondsUntilAsync(() => Task.FromResult(load.Orders.Count >= 12), TimeSpan.FromSeconds(60), ct) is not null, "fewer than 12 orders acknowledged in 60 s");
        var stopped = await ExpectSuccessAsync(commands.ExecuteCommandAsync(host.Topology.Spec.Name, ControlRoomCommands.StopLoad, ct));
        Assert.StartsWith($"stopped {LoadProfiles.LightImport.Name}: ", stopped, StringComparison.Ordinal);
        Assert.Contains($"{load.Orders.Count} orders acknowledged", stopped, StringComparison.Ordinal);
        Assert.Null(actions.Load);
        var acknowledged = load.Orders.Entries;
        Assert.Equal(["eu", "us"], acknowledged.Select(e => e.Region).Distinct().Order(StringComparer.Ordinal));
        var inPrimary = await PrimaryLedgerLookup.SaleOrderNames(probe.Direct)([.. acknowledged.Select(e => e.Id)], ct);
        Assert.Equal(acknowledged.Count, inPrimary.Count);
        var ordersAfterStop = await CountOrdersAsync(probe.Direct, ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(ordersAfterStop, await CountOrdersAsync(probe.Direct, ct));

        // Kill the standby: its process is gone. Heal everything starts it again and removes network faults.
        var pid = int.Parse(Property(standby, "executable.pid")!, CultureInfo.InvariantCulture);
        var killed = await ExpectSuccessAsync(commands.ExecuteCommandAsync(Standby, ControlRoomCommands.Kill, ct));
        Assert.Contains(pid.ToString(CultureInfo.InvariantCulture), killed, StringComparison.Ordinal);
        Assert.False(LeftoverProcesses.IsAlive(pid), $"process {pid} of the killed node is still there");
        await ExpectSuccessAsync(commands.ExecuteCommandAsync("eu", ControlRoomCommands.AddLatency, Milliseconds("100"), ct));
        var healedAll = await ExpectSuccessAsync(commands.ExecuteCommandAsync(host.Topology.Spec.Name, ControlRoomCommands.HealAll, ct));
        Assert.Contains($"start {Standby}", healedAll, StringComparison.Ordinal);
        Assert.Contains("latency on eu removed", healedAll, StringComparison.Ordinal);
        Assert.True(await TwoRegionProbe.SecondsUntilAsync(() => TwoRegionProbe.CanQueryAsync(nodeConnection, ct), TimeSpan.FromSeconds(60), ct) is not null, "the restarted node did not answer");
        AssertLatencyGone(await ExtraRoundTripAsync(probe, viaLink, ct) - before, "heal everything");

        // The log holds every command in order, and the faults as a run's timeline would report them.
        Assert.Equal(
            ["add-latency", "heal", "isolate", "heal", "freeze", "thaw", "start-load", "start-load", "stop-load", "kill", "add-latency", "heal-all"],
            log.Events.Select(e => e.Action));
        Assert.Equal([true, true, true, true, true, true, true, false, true, true, true, true], log.Events.Select(e => e.Succeeded));
        Assert.Equal(
            [("latency", "us"), ("partition", "eu"), ("pause", Standby), ("kill", Standby), ("latency", "eu")],
            log.Faults.Select(f => (f.Kind, f.Target)));
        Assert.All(log.Faults, f => Assert.True(f.EndedAtSeconds > f.StartedAtSeconds, $"{f.Kind} {f.Target} did not end after it started"));
        Assert.Empty(log.OpenFaults());
    }

    /// <summary>
    /// The added latency (100–150 ms) is gone: what is left is the probe's noise, which on a loaded machine reaches
    /// ±10 ms and more, so the bound sits well below the latency that was added rather than at zero.
    /// </summary>
    private static void AssertLatencyGone(double extraMilliseconds, string after) =>
        Assert.True(extraMilliseconds < 50, string.Create(CultureInfo.InvariantCulture, $"after {after} a round trip through the link still took {extraMilliseconds:0.0} ms more than before"));

    /// <summary>How much longer a round trip through the link takes than one straight to the primary, in ms (medians of 15).</summary>
    private static async Task<double> ExtraRoundTripAsync(TwoRegionProbe probe, string viaLink, CancellationToken ct) =>
        await TwoRegionProbe.MedianRoundTripAsync(viaLink, 15, ct) - await TwoRegionProbe.MedianRoundTripAsync(probe.Direct, 15, ct);

    private static async Task<long> CountOrdersAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM sale_order", connection);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static InteractionInputCollection Milliseconds(string value) =>
        new([new InteractionInput { Name = ControlRoomCommands.MillisecondsArgument, InputType = InputType.Number, Value = value }]);

    private static InteractionInputCollection Profile(string value) =>
        new([new InteractionInput { Name = ControlRoomCommands.ProfileArgument, InputType = InputType.Choice, Value = value }]);
}
