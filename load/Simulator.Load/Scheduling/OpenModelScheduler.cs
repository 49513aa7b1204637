namespace Simulator.Load.Scheduling;

/// <summary>
/// Runs one open-model phase of a workload: waits for each arrival's absolute offset, then either starts the
/// iteration on a free virtual user or drops it — never delays it. Every arrival reached has its start lateness
/// (actual − intended) recorded, started or not. Scheduling stops at the phase's end (or on cancellation); iterations
/// still running go on, and the runner drains them.
/// </summary>
/// <remarks>
/// Iterations are started inline on the scheduling loop (up to their first asynchronous wait) so that no thread
/// hop sits between the decision and the start; workloads must therefore be asynchronous. A workload that blocks
/// synchronously holds up the schedule, and the iterations it made late are counted as dropped.
/// </remarks>
internal sealed class OpenModelScheduler
{
    private readonly OpenLoadModel _model;
    private readonly TimeSpan _start;
    private readonly TimeSpan _end;
    private readonly int _maxInFlight;
    private readonly TimeSpan _maxStartLag;
    private readonly RunClock _clock;
    private readonly Action<Task> _release;
    private int _inFlight;

    /// <summary>Creates the scheduler of a phase running <paramref name="model"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public OpenModelScheduler(OpenLoadModel model, TimeSpan start, TimeSpan end, int maxInFlight, TimeSpan maxStartLag, RunClock clock)
    {
        _model = model;
        _start = start;
        _end = end;
        _maxInFlight = maxInFlight;
        _maxStartLag = maxStartLag;
        _clock = clock;
        _release = _ => Interlocked.Decrement(ref _inFlight);
    }

    /// <summary>The number of this phase's iterations currently running.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// Schedules arrivals until the phase ends; throws <see cref="OperationCanceledException"/> when
    /// <paramref name="stop"/> is cancelled first.
    /// </summary>
    public async Task RunAsync(IIterationLauncher launcher, CancellationToken stop)
    {
        var collector = launcher.Collector;
        for (long arrival = 0; ; arrival++)
        {
            stop.ThrowIfCancellationRequested();
            if (_model.ArrivalOffset(arrival) is not { } offset)
            {
                break;
            }

            var intended = _start + offset;
            if (intended >= _end)
            {
                break;
            }

            await _clock.WaitUntilAsync(intended, stop).ConfigureAwait(false);
            var slot = new ArrivalSlot(launcher.NextIteration(), intended);
            var actual = _clock.Now;
            var lateness = actual - intended;
            collector.RecordArrival(lateness);
            if (lateness > _maxStartLag)
            {
                collector.RecordDrop(DropReason.LateStart);
            }
            else if (!TryTakeVirtualUser())
            {
                collector.RecordDrop(DropReason.NoFreeVirtualUser);
            }
            else
            {
                var iteration = launcher.Start(slot, actual);
                if (iteration.IsCompleted)
                {
                    Interlocked.Decrement(ref _inFlight);
                }
                else
                {
                    _ = iteration.ContinueWith(_release, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }

        await _clock.WaitUntilAsync(_end, stop).ConfigureAwait(false);
    }

    private bool TryTakeVirtualUser()
    {
        if (Interlocked.Increment(ref _inFlight) <= _maxInFlight)
        {
            return true;
        }

        Interlocked.Decrement(ref _inFlight);
        return false;
    }
}
