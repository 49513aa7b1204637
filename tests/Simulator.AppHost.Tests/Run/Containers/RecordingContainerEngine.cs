using Simulator.AppHost.Run.Containers;

namespace Simulator.AppHost.Tests.Run.Containers;

/// <summary>An engine that runs nothing: it records each command as <c>docker verb args…</c>, and fails the ones told to.</summary>
public sealed class RecordingContainerEngine : IContainerEngine
{
    private readonly List<string> _commands = [];
    private readonly Lock _gate = new();

    /// <summary>Commands containing this text fail as the real CLI would (exit 1).</summary>
    public string? FailWhenContaining { get; init; }

    public string Name => "docker";

    public IReadOnlyList<string> Commands
    {
        get
        {
            lock (_gate)
            {
                return [.. _commands];
            }
        }
    }

    public Task RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var command = Name + " " + string.Join(' ', arguments);
        lock (_gate)
        {
            // Faults due at the same moment run concurrently.
            _commands.Add(command);
        }

        return FailWhenContaining is { } text && command.Contains(text, StringComparison.Ordinal)
            ? throw new ContainerEngineException($"`{command}` failed (exit 1): Error response from daemon: No such container")
            : Task.CompletedTask;
    }
}
