using System.Globalization;
using Microsoft.Extensions.Hosting;
using Simulator.AppHost.Failover;
using Simulator.AppHost.Integrations.Patroni;

namespace Simulator.AppHost.ControlRoom;

/// <summary>
/// Keeps each Patroni node's dashboard properties fresh, once a second from what every node's Patroni says: its role
/// now (<c>leader</c>, <c>replica</c>, <c>standby leader</c>), Patroni's state, the timeline, and a replica's lag
/// behind the leader. A property is published only when its value changed.
/// </summary>
/// <param name="cluster">The cluster.</param>
/// <param name="notifications">Where the dashboard's resource snapshots are published.</param>
/// <param name="time">The clock reads are scheduled on.</param>
public sealed class PatroniNodeProperties(PatroniCluster cluster, ResourceNotificationService notifications, TimeProvider time) : BackgroundService
{
    /// <summary>Time between reads.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>What a node that does not answer shows as its Patroni state.</summary>
    public const string NotAnswering = "not answering";

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(1);

    private static readonly string[] Names =
        [ResourceRoles.RoleProperty, ResourceRoles.PatroniStateProperty, ResourceRoles.TimelineProperty, ResourceRoles.LagBytesProperty, ResourceRoles.LagSecondsProperty];

    /// <summary>The role a node shows, from its own status and whether it is the one leading.</summary>
    public static string RoleOf(PatroniStatus? status, bool leads) => status switch
    {
        null => "unknown",
        { IsPrimary: true } when leads => ResourceRoles.Leader,
        { IsStandbyLeader: true } => "standby leader",
        { IsPrimary: true } => "primary (not leading)",
        _ => status.Role,
    };

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var nodes = cluster.Nodes.Select(n => n.Resource).ToList();
        using var reader = new PatroniNodesReader(nodes, RequestTimeout);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var started = time.GetTimestamp();
                var reading = await reader.ReadAsync(time.GetUtcNow(), stoppingToken);
                foreach (var node in nodes.Where(n => n.RestEndpoint.IsAllocated))
                {
                    await ShowAsync(node, Properties(reading, node.Name));
                }

                var left = Interval - time.GetElapsedTime(started);
                await Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>The properties <paramref name="node"/> shows after <paramref name="reading"/>; lag only on a replica.</summary>
    public static IReadOnlyList<ResourcePropertySnapshot> Properties(PatroniNodesReading reading, string node)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var status = reading.StatusOf(node);
        var properties = new List<ResourcePropertySnapshot>
        {
            new(ResourceRoles.RoleProperty, RoleOf(status, reading.Leader == node)),
            new(ResourceRoles.PatroniStateProperty, status?.State ?? NotAnswering),
        };
        if (status?.Timeline is { } timeline)
        {
            properties.Add(new(ResourceRoles.TimelineProperty, timeline.ToString(CultureInfo.InvariantCulture)));
        }

        if (reading.Lag().FirstOrDefault(s => s.Node == node) is { } lag)
        {
            if (lag.Bytes is { } bytes)
            {
                properties.Add(new(ResourceRoles.LagBytesProperty, bytes.ToString(CultureInfo.InvariantCulture)));
            }

            if (lag.Seconds is { } seconds)
            {
                properties.Add(new(ResourceRoles.LagSecondsProperty, seconds.ToString("0.0", CultureInfo.InvariantCulture)));
            }
        }

        return properties;
    }

    private async Task ShowAsync(PatroniNodeResource node, IReadOnlyList<ResourcePropertySnapshot> properties)
    {
        if (notifications.TryGetCurrentState(node.Name, out var current) && Same(current.Snapshot.Properties, properties))
        {
            return;
        }

        await notifications.PublishUpdateAsync(node, s => s with
        {
            Properties = [.. s.Properties.Where(p => !Names.Contains(p.Name)), .. properties],
        });
    }

    private static bool Same(IEnumerable<ResourcePropertySnapshot> shown, IReadOnlyList<ResourcePropertySnapshot> properties)
    {
        var ours = shown.Where(p => Names.Contains(p.Name)).ToDictionary(p => p.Name, p => p.Value as string);
        return ours.Count == properties.Count && properties.All(p => ours.TryGetValue(p.Name, out var value) && value == (string?)p.Value);
    }
}
