using System.Globalization;
using Simulator.Chaos;

namespace Simulator.AppHost.Run.Containers;

/// <summary>
/// Process faults on containers, through the engine: kill is <c>kill</c> (SIGKILL to the container's init), pause
/// is <c>pause</c> (the cgroup freezer: every process of the container stops at once), resume is <c>unpause</c> of
/// what this instance paused, stop is <c>stop --time 10</c> (SIGTERM, SIGKILL after the grace period, as the native
/// runtime's stop timeout), start is <c>start</c>. A region stands for every long-running container of the region.
/// </summary>
/// <param name="engine">The engine's CLI.</param>
/// <param name="containers">Gives the containers a target stands for (<see cref="ContainerRunTopology.Containers"/>).</param>
public sealed class ContainerProcessFaults(IContainerEngine engine, Func<string, IReadOnlyList<string>> containers) : IProcessFaults
{
    /// <summary>How long a stopped container has between SIGTERM and SIGKILL.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<string>> _paused = new(StringComparer.Ordinal);

    /// <summary>The engine arguments of <paramref name="action"/> (<c>kill</c>, <c>pause</c>, <c>resume</c>, <c>stop</c>, <c>start</c>) on one container.</summary>
    public static IReadOnlyList<string> Arguments(string action, string container) => action switch
    {
        "kill" => ["kill", container],
        "pause" => ["pause", container],
        "resume" => ["unpause", container],
        "stop" => ["stop", "--time", StopGrace.TotalSeconds.ToString("0", CultureInfo.InvariantCulture), container],
        "start" => ["start", container],
        _ => throw new ArgumentException($"no container action `{action}`", nameof(action)),
    };

    /// <inheritdoc/>
    public Task<ProcessFaultResult> KillAsync(string resource, CancellationToken cancellationToken = default) =>
        OnEachAsync(resource, "kill", containers(resource), cancellationToken);

    /// <inheritdoc/>
    public async Task<ProcessFaultResult> PauseAsync(string resource, CancellationToken cancellationToken = default)
    {
        var result = await OnEachAsync(resource, "pause", containers(resource), cancellationToken);
        lock (_gate)
        {
            _paused[resource] = [.. containers(resource)];
        }

        return result;
    }

    /// <inheritdoc/>
    /// <remarks>Only what this instance paused is unpaused: the engine refuses to unpause a running container.</remarks>
    public Task<ProcessFaultResult> ResumeAsync(string resource, CancellationToken cancellationToken = default)
    {
        List<string>? paused;
        lock (_gate)
        {
            _paused.Remove(resource, out paused);
        }

        return OnEachAsync(resource, "resume", paused ?? [], cancellationToken);
    }

    /// <inheritdoc/>
    public Task<ProcessFaultResult> StopAsync(string resource, CancellationToken cancellationToken = default) =>
        OnEachAsync(resource, "stop", containers(resource), cancellationToken);

    /// <inheritdoc/>
    public Task<ProcessFaultResult> StartAsync(string resource, CancellationToken cancellationToken = default) =>
        OnEachAsync(resource, "start", containers(resource), cancellationToken);

    private async Task<ProcessFaultResult> OnEachAsync(
        string resource, string action, IReadOnlyList<string> targets, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        foreach (var container in targets)
        {
            await engine.RunAsync(Arguments(action, container), cancellationToken);
        }

        return new ProcessFaultResult(resource, action, []);
    }
}
