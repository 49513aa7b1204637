namespace Simulator.Load;

/// <summary>
/// One kind of user activity the engine drives (for example order import). The engine calls
/// <see cref="InitializeAsync"/> once before the run's clock starts, then <see cref="ExecuteAsync"/> once per
/// scheduled iteration, concurrently up to the plan's virtual-user limit.
/// </summary>
/// <remarks>
/// How an iteration ends decides its outcome: returning is OK; a <see cref="Measurement.WorkloadException"/> carries
/// its own outcome (failed or unknown) and error kind; any other exception is a failure under its type name;
/// cancellation of the iteration's token means the run gave up on it (unknown). Iterations must be asynchronous:
/// the engine starts them inline on its scheduling loop.
/// </remarks>
public interface IWorkload
{
    /// <summary>One-time preparation before the run starts (log in, fetch reference data). Not measured.</summary>
    /// <param name="cancellationToken">Cancels the preparation.</param>
    /// <returns>A task that completes when the workload is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Runs one iteration. Time sub-steps with <see cref="IterationContext.TimeAsync{T}"/>.</summary>
    /// <param name="context">The iteration's number, schedule, seeded random source, timing and ledger.</param>
    /// <param name="cancellationToken">Cancelled when the run abandons in-flight iterations.</param>
    /// <returns>A task that completes when the iteration is done.</returns>
    Task ExecuteAsync(IterationContext context, CancellationToken cancellationToken);
}
