using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Simulator.AppHost.Run;

/// <summary>
/// Watches a topology's resources while they start: reports each one's steps (starting, waiting for its dependencies,
/// running, healthy; each with the time since start) and gives up at the first resource that stops or fails to start —
/// not when the start-up timeout runs out, which is how long its dependents would otherwise wait for it.
/// </summary>
internal sealed class StartupMonitor(ResourceNotificationService notifications, IEnumerable<IResource> resources, TimeProvider time, Action<string> progress)
{
    private readonly HashSet<string> _names = [.. resources.Select(r => r.Name)];
    private readonly Dictionary<string, string> _steps = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly long _started = time.GetTimestamp();

    /// <summary>Resources not healthy yet, with the last step each reached (<c>not started</c> before any).</summary>
    public IReadOnlyList<(string Resource, string Step)> NotHealthy
    {
        get
        {
            lock (_gate)
            {
                return [.. _names.Where(n => _steps.GetValueOrDefault(n) != Healthy).Order(StringComparer.Ordinal)
                    .Select(n => (n, _steps.GetValueOrDefault(n, "not started")))];
            }
        }
    }

    private const string Healthy = "healthy";

    /// <summary>Returns once every resource is healthy.</summary>
    /// <exception cref="ResourceStartException">A resource stopped or failed to start first.</exception>
    public async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        var healthy = 0;
        await foreach (var update in notifications.WatchAsync(cancellationToken))
        {
            var name = update.Resource.Name;
            if (!_names.Contains(name))
            {
                continue;
            }

            var state = update.Snapshot.State?.Text;
            if (state is not null && KnownResourceStates.TerminalStates.Contains(state))
            {
                // Also after it was healthy: a resource that dies while the rest start means the topology is not up.
                throw new ResourceStartException(name, state, update.Snapshot.ExitCode);
            }

            var step = state == KnownResourceStates.Running
                ? update.Snapshot.HealthStatus == HealthStatus.Healthy ? Healthy : "running"
                : state == KnownResourceStates.Starting ? "starting"
                : state == KnownResourceStates.Waiting ? "waiting" : null;
            if (step is null || !Advance(name, step))
            {
                continue;
            }

            var seconds = time.GetElapsedTime(_started).TotalSeconds;
            progress(string.Create(CultureInfo.InvariantCulture, $"  {name,-16} {step,-8} after {seconds:0.0} s"));
            if (step == Healthy && ++healthy == _names.Count)
            {
                return;
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// Records a new step; false for a repeat or a step back (health flapping once healthy). Aspire marks a resource
    /// starting, then waiting for its dependencies, then starting again: those two go back and forth.
    /// </summary>
    private bool Advance(string name, string step)
    {
        lock (_gate)
        {
            var current = _steps.GetValueOrDefault(name);
            if (step == current || Rank(step) < Rank(current))
            {
                return false;
            }

            _steps[name] = step;
            return true;
        }
    }

    private static int Rank(string? step) => step switch
    {
        "waiting" or "starting" => 1,
        "running" => 2,
        Healthy => 3,
        _ => 0,
    };
}
