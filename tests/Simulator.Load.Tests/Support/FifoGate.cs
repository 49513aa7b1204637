namespace Simulator.Load.Tests.Support;

/// <summary>
/// A single connection handed out first come, first served, with continuations run inline so a fake clock
/// drives it deterministically (SemaphoreSlim resumes waiters on the thread pool).
/// </summary>
internal sealed class FifoGate
{
    private readonly Queue<TaskCompletionSource> _waiters = new();
    private readonly Lock _lock = new();
    private bool _taken;

    public Task AcquireAsync()
    {
        lock (_lock)
        {
            if (!_taken)
            {
                _taken = true;
                return Task.CompletedTask;
            }

            var waiter = new TaskCompletionSource();
            _waiters.Enqueue(waiter);
            return waiter.Task;
        }
    }

    public void Release()
    {
        TaskCompletionSource? next;
        lock (_lock)
        {
            if (!_waiters.TryDequeue(out next))
            {
                _taken = false;
                return;
            }
        }

        next.SetResult();
    }
}
