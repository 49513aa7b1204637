using System.Globalization;
using Simulator.AppHost.Runtime;

namespace Simulator.AppHost.Run.Containers;

/// <summary>The engine through its CLI on <c>PATH</c> (the one the probe found answering), each command within a timeout.</summary>
/// <param name="cli">The CLI, <c>docker</c> or <c>podman</c> (or a path to one).</param>
/// <param name="timeout">How long one command may take; a stop's own grace period comes on top.</param>
public sealed class CliContainerEngine(string cli, TimeSpan timeout) : IContainerEngine
{
    /// <summary>How long one command may take by default.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <inheritdoc/>
    public string Name => Path.GetFileName(cli);

    /// <inheritdoc/>
    public async Task RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var command = $"`{Name} {string.Join(' ', arguments)}`";
        var run = await EngineCliRun.RunAsync(cli, arguments, timeout + ContainerProcessFaults.StopGrace, cancellationToken);
        if (run.TimedOut)
        {
            throw new ContainerEngineException(string.Create(
                CultureInfo.InvariantCulture, $"{command} did not finish within {(timeout + ContainerProcessFaults.StopGrace).TotalSeconds:0} s"));
        }

        if (!run.Succeeded)
        {
            var exit = run.ExitCode is { } code ? string.Create(CultureInfo.InvariantCulture, $"exit {code}") : "not run";
            throw new ContainerEngineException($"{command} failed ({exit}): {run.Reason ?? "no output"}");
        }
    }
}
