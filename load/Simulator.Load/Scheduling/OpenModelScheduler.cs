namespace Simulator.Load.Scheduling;

/// <summary>
/// Runs one workload's open model: waits for each arrival's absolute offset, then either starts the iteration
/// on a free virtual user or drops it — never delays it. Drops are reported through a callback and the
/// iteration is not run. Scheduling stops at the duration (or on cancellation); <see cref="DrainAsync"/> then
/// waits a bounded time for the iterations still in flight.
/// </summary>
/// <remarks>
/// Iterations are started inline on the scheduling loop (up to their first asynchronous wait) so that no thread
/// hop sits between the decision and the start; workloads must therefore be asynchronous. A workload that blocks
/// synchronously holds up the schedule, and the iterations it made late are counted as dropped.
/// </remarks>
internal sealed class OpenModelScheduler
{
    private readonly OpenLoadModel _model;
    private readonly TimeSpan _duration;
    private readonly int _maxInFlight;
    private readonly TimeSpan _maxStartLag;
    private readonly RunClock _clock;
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.None);
    private int _inFlight;

    // One count for the scheduling loop itself plus one per running iteration; reaching zero means drained.
    private int _pending = 1;

    public OpenModelScheduler(OpenLoadModel model, TimeSpan duration, int maxInFlight, TimeSpan maxStartLag, RunClock clock)
    {
        _model = model;
        _duration = duration;
        _maxInFlight = maxInFlight;
        _maxStartLag = maxStartLag;
        _clock = clock;
    }

    /// <summary>The number of iterations currently running.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>
    /// Schedules arrivals until the duration ends or <paramref name="stop"/> is cancelled, and returns the offset at
    /// which scheduling stopped (the end of the measured window).
    /// </summary>
    /// <param name="start">Runs one iteration; given the slot and its actual start offset. Must not throw.</param>
    /// <param name="drop">Records a dropped slot.</param>
    /// <param name="stop">Stops scheduling (in-flight iterations go on; see <see cref="DrainAsync"/>).</param>
    public async Task<TimeSpan> RunAsync(
        Func<ArrivalSlot, TimeSpan, Task> start, Action<ArrivalSlot, DropReason> drop, CancellationToken stop)
    {
        try
        {
            for (long iteration = 0; !stop.IsCancellationRequested; iteration++)
            {
                var offset = _model.ArrivalOffset(iteration);
                if (offset is not { } intended || intended >= _duration)
                {
                    break;
                }

                await _clock.WaitUntilAsync(intended, stop).ConfigureAwait(false);
                var slot = new ArrivalSlot(iteration, intended);
                var actual = _clock.Now;
                if (actual - intended > _maxStartLag)
                {
                    drop(slot, DropReason.LateStart);
                }
                else if (!TryTakeVirtualUser())
                {
                    drop(slot, DropReason.NoFreeVirtualUser);
                }
                else
                {
                    _ = RunIterationAsync(start, slot, actual);
                }
            }

            await _clock.WaitUntilAsync(_duration, stop).ConfigureAwait(false);
            return _duration;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            var now = _clock.Now;
            return now < _duration ? now : _duration;
        }
        finally
        {
            ReleasePending();
        }
    }

    /// <summary>Waits up to <paramref name="grace"/> for in-flight iterations; returns whether all finished.</summary>
    public Task<bool> DrainAsync(TimeSpan grace) => _clock.WaitAsync(_drained.Task, grace);

    private bool TryTakeVirtualUser()
    {
        if (Interlocked.Increment(ref _inFlight) <= _maxInFlight)
        {
            return true;
        }

        Interlocked.Decrement(ref _inFlight);
        return false;
    }

    private async Task RunIterationAsync(Func<ArrivalSlot, TimeSpan, Task> start, ArrivalSlot slot, TimeSpan actual)
    {
        Interlocked.Increment(ref _pending);
        try
        {
            await start(slot, actual).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            ReleasePending();
        }
    }

    private void ReleasePending()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _drained.TrySetResult();
        }
    }
}
