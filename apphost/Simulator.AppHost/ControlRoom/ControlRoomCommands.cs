using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Simulator.AppHost.Integrations.Patroni;

namespace Simulator.AppHost.ControlRoom;

/// <summary>
/// The dashboard's custom commands, by resource: network faults on a region, process faults on a database node,
/// load and heal-everything on the topology. Each runs through the app's <see cref="ControlRoomActions"/>.
/// </summary>
public static class ControlRoomCommands
{
    /// <summary>Region: cut every link into and out of it.</summary>
    public const string Isolate = "sim-isolate";

    /// <summary>Region: add round-trip latency to its links (argument <see cref="MillisecondsArgument"/>).</summary>
    public const string AddLatency = "sim-add-latency";

    /// <summary>Region: remove every network fault from its links.</summary>
    public const string Heal = "sim-heal";

    /// <summary>Database node: SIGKILL.</summary>
    public const string Kill = "sim-kill";

    /// <summary>Database node: SIGSTOP its process tree.</summary>
    public const string Freeze = "sim-freeze";

    /// <summary>Database node: SIGCONT what the freeze stopped.</summary>
    public const string Thaw = "sim-thaw";

    /// <summary>Patroni node: make it the leader by a planned switchover.</summary>
    public const string SwitchoverHere = "sim-switchover-here";

    /// <summary>Topology: start a load profile (argument <see cref="ProfileArgument"/>).</summary>
    public const string StartLoad = "sim-start-load";

    /// <summary>Topology: stop the running load.</summary>
    public const string StopLoad = "sim-stop-load";

    /// <summary>Topology: heal every network fault, thaw frozen nodes, start killed database nodes.</summary>
    public const string HealAll = "sim-heal-all";

    /// <summary>The argument of <see cref="AddLatency"/>: the round trip added, in milliseconds.</summary>
    public const string MillisecondsArgument = "milliseconds";

    /// <summary>The argument of <see cref="StartLoad"/>: the profile's name (<see cref="LoadProfiles"/>).</summary>
    public const string ProfileArgument = "profile";

    /// <summary>The largest latency the dashboard accepts, in milliseconds.</summary>
    public const int MaxLatencyMilliseconds = 10_000;

    /// <summary>Adds isolate, add latency and heal to a region.</summary>
    /// <param name="region">The region.</param>
    /// <returns>The region.</returns>
    public static IResourceBuilder<RegionResource> WithRegionCommands(this IResourceBuilder<RegionResource> region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var name = region.Resource.Name;
        return region
            .WithCommand(Isolate, "Isolate region", c => Actions(c).IsolateAsync(name, c.CancellationToken), new CommandOptions
            {
                Description = $"Cut every cross-region link into and out of {name}, both ways, until healed",
                ConfirmationMessage = $"Cut {name} off from the other regions?",
                IconName = "PlugDisconnected",
                IsHighlighted = true,
            })
            .WithCommand(AddLatency, "Add latency", c => Actions(c).AddLatencyAsync(name, Latency(c), c.CancellationToken), new CommandOptions
            {
                Description = $"Add a round trip to every cross-region link of {name}, on top of what is there",
                IconName = "Clock",
                Arguments =
                [
                    new InteractionInput
                    {
                        Name = MillisecondsArgument,
                        Label = "Round trip added (ms)",
                        InputType = InputType.Number,
                        Required = true,
                        Value = "100",
                    },
                ],
                ValidateArguments = context =>
                {
                    var input = context.Inputs[MillisecondsArgument];
                    if (!TryMilliseconds(input.Value, out _))
                    {
                        context.AddValidationError(input, $"a whole number of milliseconds from 1 to {MaxLatencyMilliseconds}");
                    }

                    return Task.CompletedTask;
                },
            })
            .WithCommand(Heal, "Heal region", c => Actions(c).HealRegionAsync(name, c.CancellationToken), new CommandOptions
            {
                Description = $"Remove every partition and added latency from {name}'s links (the base latency stays)",
                IconName = "PlugConnected",
                IsHighlighted = true,
            });
    }

    /// <summary>Adds kill, freeze and thaw to a database node (plain PostgreSQL or Patroni).</summary>
    /// <typeparam name="T">The node's resource type.</typeparam>
    /// <param name="node">The node.</param>
    /// <returns>The node.</returns>
    public static IResourceBuilder<T> WithDatabaseNodeCommands<T>(this IResourceBuilder<T> node)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(node);
        var name = node.Resource.Name;
        return node
            .WithCommand(Kill, "Kill (SIGKILL)", c => Actions(c).KillAsync(name, c.CancellationToken), new CommandOptions
            {
                Description = $"SIGKILL {name} and every process it started, as on a power cut; Start brings it back",
                ConfirmationMessage = $"Kill {name}?",
                IconName = "Flash",
            })
            .WithCommand(Freeze, "Freeze (SIGSTOP)", c => Actions(c).FreezeAsync(name, c.CancellationToken), new CommandOptions
            {
                Description = $"SIGSTOP {name}'s process tree: connections stay open, nothing answers (a stalled VM)",
                IconName = "Snowflake",
            })
            .WithCommand(Thaw, "Thaw (SIGCONT)", c => Actions(c).ThawAsync(name, c.CancellationToken), new CommandOptions
            {
                Description = $"SIGCONT what Freeze stopped in {name}",
                IconName = "WeatherSunny",
            });
    }

    /// <summary>
    /// Adds "switchover to here" to a Patroni node. The dashboard shows it disabled while the node leads already, or is
    /// not running and healthy; invoked anyway, it refuses with the reason.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <returns>The node.</returns>
    public static IResourceBuilder<PatroniNodeResource> WithSwitchoverCommand(this IResourceBuilder<PatroniNodeResource> node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var name = node.Resource.Name;
        return node.WithCommand(SwitchoverHere, "Switchover to here", c => Actions(c).SwitchoverAsync(name, c.CancellationToken), new CommandOptions
        {
            Description = $"Planned switchover: the leader hands over to {name} (Patroni's POST /switchover) and restarts as a replica",
            ConfirmationMessage = $"Make {name} the leader?",
            IconName = "ArrowSwap",
            UpdateState = c => CanTakeOver(c.ResourceSnapshot) ? ResourceCommandState.Enabled : ResourceCommandState.Disabled,
        });
    }

    /// <summary>Whether a node may be switched over to, by what the dashboard shows of it: running, healthy, not leading.</summary>
    /// <param name="snapshot">The node's snapshot.</param>
    /// <returns>True when it may.</returns>
    public static bool CanTakeOver(CustomResourceSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.State?.Text == KnownResourceStates.Running
            && snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy
            && snapshot.Properties.FirstOrDefault(p => p.Name == ResourceRoles.RoleProperty)?.Value as string == "replica";
    }

    /// <summary>Adds start load, stop load and heal everything to the topology.</summary>
    /// <param name="topology">The topology resource.</param>
    /// <param name="time">The clock the load runs on.</param>
    /// <returns>The topology resource.</returns>
    public static IResourceBuilder<TopologyResource> WithTopologyCommands(this IResourceBuilder<TopologyResource> topology, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(topology);
        return topology
            .WithCommand(StartLoad, "Start load", c => Actions(c).StartLoadAsync(c.Arguments[ProfileArgument].Value, time), new CommandOptions
            {
                Description = "Start a named load profile on every region's ingress; it stops by itself",
                IconName = "Play",
                IsHighlighted = true,
                Arguments =
                [
                    new InteractionInput
                    {
                        Name = ProfileArgument,
                        Label = "Load profile",
                        InputType = InputType.Choice,
                        Required = true,
                        Options = [.. LoadProfiles.All.Select(p => KeyValuePair.Create(p.Name, $"{p.Name}: {p.Description}"))],
                        Value = LoadProfiles.LightImport.Name,
                    },
                ],
            })
            .WithCommand(StopLoad, "Stop load", c => Actions(c).StopLoadAsync(), new CommandOptions
            {
                Description = "Stop the running load profile and show what it measured",
                IconName = "Stop",
            })
            .WithCommand(HealAll, "Heal everything", c => Actions(c).HealAllAsync(c.CancellationToken), new CommandOptions
            {
                Description = "Remove every network fault, thaw frozen nodes and start killed database nodes again",
                IconName = "HeartPulse",
                IsHighlighted = true,
            });
    }

    private static ControlRoomActions Actions(ExecuteCommandContext context) =>
        context.Services.GetRequiredService<ControlRoomActions>();

    private static TimeSpan Latency(ExecuteCommandContext context) =>
        TryMilliseconds(context.Arguments[MillisecondsArgument].Value, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : throw new ArgumentException($"{MillisecondsArgument}: a whole number from 1 to {MaxLatencyMilliseconds}");

    private static bool TryMilliseconds(string? text, out int milliseconds) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out milliseconds) && milliseconds is > 0 and <= MaxLatencyMilliseconds;
}
