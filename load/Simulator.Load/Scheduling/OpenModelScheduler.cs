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
/// synchronously holds up the schedule, and the iterations it made late are counted as dropped. On the real clock
/// the loop runs on a thread of its own per open phase, sleeping precisely between arrivals.
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
    /// <paramref name="stop"/> is cancelled first. On the real clock the arrivals are timed on a dedicated thread with a
    /// precise sleep (<see cref="PreciseSleep"/>); on any other clock (a fake one in tests) through its timers.
    /// </summary>
    public async Task RunAsync(IIterationLauncher launcher, CancellationToken stop)
    {
        if (_clock.IsSystem)
        {
            await RunOnThreadAsync(launcher, stop).ConfigureAwait(false);
        }
        else
        {
            for (long arrival = 0; NextDue(arrival, stop) is { } intended; arrival++)
            {
                await _clock.WaitUntilAsync(intended, stop).ConfigureAwait(false);
                Arrive(intended, launcher);
            }
        }

        await _clock.WaitUntilAsync(_end, stop).ConfigureAwait(false);
    }

    private Task RunOnThreadAsync(IIterationLauncher launcher, CancellationToken stop)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                PreciseSleep.TryRaiseThreadPriority();
                for (long arrival = 0; NextDue(arrival, stop) is { } intended; arrival++)
                {
                    PreciseSleep.Until(_clock.TimestampAt(intended), stop);
                    Arrive(intended, launcher);
                }

                done.SetResult();
            }
            catch (OperationCanceledException exception)
            {
                done.SetCanceled(exception.CancellationToken);
            }
#pragma warning disable CA1031 // Handed to the awaiting runner, which fails the run with it.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                done.SetException(exception);
            }
        })
        {
            IsBackground = true,
            Name = "sim open-model scheduler",
        };
        thread.Start();
        return done.Task;
    }

    private TimeSpan? NextDue(long arrival, CancellationToken stop)
    {
        stop.ThrowIfCancellationRequested();
        return _model.ArrivalOffset(arrival) is { } offset && _start + offset < _end ? _start + offset : null;
    }

    private void Arrive(TimeSpan intended, IIterationLauncher launcher)
    {
        var collector = launcher.Collector;
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
