namespace Simulator.Load.Bench;

/// <summary>
/// An iteration that does nothing but time one operation around a thread-pool yield: what is left is the engine's own
/// cost per iteration (scheduling, the iteration context, outcome counters, four HdrHistogram recordings).
/// </summary>
internal sealed class NoOpWorkload : IWorkload
{
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ExecuteAsync(IterationContext context, CancellationToken cancellationToken)
        => context.TimeAsync("noop", static async _ => await Task.Yield(), cancellationToken);
}
