namespace Simulator.Chaos;

/// <summary>
/// Faults on the processes of a named resource (a database node, an Odoo server, ...). Only the AppHost knows
/// which processes a resource has and how to start it again, so implementations take that from it.
/// </summary>
public interface IProcessFaults
{
    /// <summary>SIGKILL: the resource dies at once, as on a power cut; waits until its processes are gone.</summary>
    /// <param name="resource">The resource's name.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>What was signalled.</returns>
    Task<ProcessFaultResult> KillAsync(string resource, CancellationToken cancellationToken = default);

    /// <summary>SIGSTOP: the resource freezes (a stalled VM, a long GC pause); connections stay open.</summary>
    /// <param name="resource">The resource's name.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>What was signalled.</returns>
    Task<ProcessFaultResult> PauseAsync(string resource, CancellationToken cancellationToken = default);

    /// <summary>SIGCONT: a paused resource goes on; resuming one that is not paused does no harm.</summary>
    /// <param name="resource">The resource's name.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>What was signalled.</returns>
    Task<ProcessFaultResult> ResumeAsync(string resource, CancellationToken cancellationToken = default);

    /// <summary>SIGTERM, then SIGKILL if the resource has not exited within the stop timeout: a clean shutdown.</summary>
    /// <param name="resource">The resource's name.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>What was signalled, and whether it had to escalate.</returns>
    Task<ProcessFaultResult> StopAsync(string resource, CancellationToken cancellationToken = default);

    /// <summary>Starts a stopped or killed resource again (through the AppHost).</summary>
    /// <param name="resource">The resource's name.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>What was done.</returns>
    Task<ProcessFaultResult> StartAsync(string resource, CancellationToken cancellationToken = default);
}
