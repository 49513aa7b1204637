using System.Collections.Concurrent;

namespace Simulator.Load.Tests.Support;

/// <summary>A workload whose iteration is a delegate; remembers every context it was given.</summary>
internal sealed class DelegateWorkload(Func<IterationContext, CancellationToken, Task> body) : IWorkload
{
    public ConcurrentQueue<IterationContext> Contexts { get; } = new();

    public static DelegateWorkload Instant() => new((_, _) => Task.CompletedTask);

    public static DelegateWorkload Taking(TimeProvider time, TimeSpan each)
        => new((_, ct) => Task.Delay(each, time, ct));

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task ExecuteAsync(IterationContext context, CancellationToken cancellationToken)
    {
        Contexts.Enqueue(context);
        return body(context, cancellationToken);
    }

    public IReadOnlyList<IterationContext> Sorted() => [.. Contexts.OrderBy(c => c.Iteration)];
}
