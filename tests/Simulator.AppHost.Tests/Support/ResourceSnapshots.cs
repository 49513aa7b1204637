using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Simulator.AppHost.Tests;

/// <summary>What the dashboard shows of a resource, and the outcome of a command run as the dashboard runs it.</summary>
public static class ResourceSnapshots
{
    /// <summary>The resource's current state; throws when Aspire has none.</summary>
    public static ResourceEvent State(ResourceNotificationService notifications, string resource) =>
        notifications.TryGetCurrentState(resource, out var state) ? state : throw new InvalidOperationException($"no state for {resource}");

    /// <summary>A property's value as text; null when the resource does not show it.</summary>
    public static string? Property(ResourceEvent resource, string name) =>
        resource.Snapshot.Properties.FirstOrDefault(p => p.Name == name)?.Value is { } value ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;

    /// <summary>Whether the dashboard offers the command now.</summary>
    public static ResourceCommandState CommandState(ResourceEvent resource, string command) =>
        resource.Snapshot.Commands.Single(c => c.Name == command).State;

    /// <summary>Awaits the command, asserts it succeeded, and returns its message.</summary>
    public static async Task<string> ExpectSuccessAsync(Task<ExecuteCommandResult> command)
    {
        var result = await command;
        Assert.True(result.Success, result.Message);
        return result.Message ?? string.Empty;
    }
}
