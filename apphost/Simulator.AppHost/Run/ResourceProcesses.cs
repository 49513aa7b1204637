using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Topology;
using Simulator.Chaos;

namespace Simulator.AppHost.Run;

/// <summary>
/// The processes behind a running topology's resources, for process faults: PIDs from Aspire's resource snapshots
/// (<c>executable.pid</c>), and starting a killed or stopped resource again through Aspire's start command. A
/// region name stands for every resource of the region.
/// </summary>
public sealed class ResourceProcesses
{
    private const string PidProperty = "executable.pid";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private readonly ResourceNotificationService _notifications;
    private readonly ResourceCommandService _commands;
    private readonly NativeTopology _topology;

    /// <summary>The processes of <paramref name="topology"/>, running in <paramref name="app"/>.</summary>
    public ResourceProcesses(DistributedApplication app, NativeTopology topology)
        : this(app.ResourceNotifications, app.Services.GetRequiredService<ResourceCommandService>(), topology)
    {
    }

    /// <summary>The processes of <paramref name="topology"/>, from inside the app (a resource command's services).</summary>
    public ResourceProcesses(ResourceNotificationService notifications, ResourceCommandService commands, NativeTopology topology)
    {
        _notifications = notifications;
        _commands = commands;
        _topology = topology;
    }

    /// <summary>
    /// The PIDs Aspire reports for the resource (or each resource of the region) that is running now; for a Patroni
    /// node also its postmaster's (from its PID file), which Patroni starts detached, outside its own process tree.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The topology has no resource or region of that name.</exception>
    public async Task<IReadOnlyList<int>> PidsAsync(string target, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var pids = new List<int>();
        foreach (var name in Resources(target))
        {
            if (_notifications.TryGetCurrentState(name, out var state) &&
                state.Snapshot.State?.Text == KnownResourceStates.Running &&
                state.Snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value is { } value &&
                int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                pids.Add(pid);
            }

            if (_topology.AllResources().FirstOrDefault(r => r.Name == name) is PatroniNodeResource node &&
                await PidFile.ReadAsync(node.PostmasterPidFile, cancellationToken) is { } postmaster)
            {
                pids.Add(postmaster);
            }
        }

        return pids;
    }

    /// <summary>Whether Aspire reports the resource as running now.</summary>
    public bool IsRunning(string resource) =>
        _notifications.TryGetCurrentState(resource, out var state) && state.Snapshot.State?.Text == KnownResourceStates.Running;

    /// <summary>
    /// Starts the resource (or each resource of the region that is not running) with Aspire's start command and
    /// waits until it runs again.
    /// </summary>
    /// <exception cref="InvalidOperationException">Aspire refused to start it.</exception>
    public async Task StartAsync(string target, CancellationToken cancellationToken)
    {
        foreach (var name in Resources(target))
        {
            if (IsRunning(name))
            {
                continue;
            }

            var result = await _commands.ExecuteCommandAsync(name, KnownResourceCommands.StartCommand, cancellationToken);
            if (!result.Success)
            {
                throw new InvalidOperationException($"Aspire could not start {name}: {result.Message ?? "no reason given"}");
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            await _notifications.WaitForResourceAsync(name, KnownResourceStates.Running, timeout.Token);
        }
    }

    private IReadOnlyList<string> Resources(string target)
    {
        var region = _topology.Regions.FirstOrDefault(r => r.Name == target);
        if (region is not null)
        {
            return [.. region.All().Select(r => r.Name)];
        }

        return _topology.AllResources().Any(r => r.Name == target)
            ? [target]
            : throw new KeyNotFoundException($"the topology has no resource or region called {target}");
    }
}
