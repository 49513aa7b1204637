namespace Simulator.AppHost.Run.Containers;

/// <summary>
/// The container engine's CLI as the run uses it for process faults (<c>docker kill|pause|unpause|stop|start
/// &lt;container&gt;</c>, or the same with <c>podman</c>): one command at a time, failing with what the engine said.
/// </summary>
public interface IContainerEngine
{
    /// <summary>The CLI's name, <c>docker</c> or <c>podman</c>.</summary>
    string Name { get; }

    /// <summary>Runs the CLI with <paramref name="arguments"/> and returns once it exited 0.</summary>
    /// <exception cref="ContainerEngineException">The CLI failed, could not be run, or did not answer in time.</exception>
    Task RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
