namespace Simulator.Load.Scheduling;

/// <summary>
/// One clock for a whole run: offsets from the run's origin, read through the injected <see cref="TimeProvider"/>.
/// Waits wake continuations inline from the timer callback, so a fake clock drives the engine deterministically.
/// </summary>
internal sealed class RunClock
{
    private readonly long _origin;

    public RunClock(TimeProvider time)
    {
        Time = time;
        _origin = time.GetTimestamp();
        StartedAt = time.GetUtcNow();
    }

    public TimeProvider Time { get; }

    /// <summary>The run's origin, a timestamp of <see cref="Time"/>.</summary>
    public long Origin => _origin;

    public DateTimeOffset StartedAt { get; }

    /// <summary>Time elapsed since the run's origin.</summary>
    public TimeSpan Now => Time.GetElapsedTime(_origin);

    /// <summary>Whether the run is on the real clock, whose timestamps are <see cref="System.Diagnostics.Stopwatch"/>'s.</summary>
    public bool IsSystem => ReferenceEquals(Time, TimeProvider.System);

    /// <summary>The clock's timestamp at <paramref name="offset"/> from the run's origin.</summary>
    public long TimestampAt(TimeSpan offset)
        => _origin + (long)(offset.Ticks * ((double)Time.TimestampFrequency / TimeSpan.TicksPerSecond));

    /// <summary>Waits until <see cref="Now"/> reaches <paramref name="offset"/>; returns at once when it already has.</summary>
    public async Task WaitUntilAsync(TimeSpan offset, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = offset - Now;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            await DelayAsync(Time, remaining, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits for <paramref name="task"/> at most <paramref name="timeout"/>; returns whether it completed in time.
    /// Never throws for the task's own failure.
    /// </summary>
    public async Task<bool> WaitAsync(Task task, TimeSpan timeout)
    {
        if (task.IsCompleted)
        {
            return true;
        }

        if (timeout <= TimeSpan.Zero)
        {
            return false;
        }

        using var cancelDelay = new CancellationTokenSource();
        var delay = DelayAsync(Time, timeout, cancelDelay.Token);
        var first = await Task.WhenAny(task, delay).ConfigureAwait(false);
        await cancelDelay.CancelAsync().ConfigureAwait(false);
        return first == task;
    }

    /// <summary>
    /// A delay on <paramref name="time"/>, rounded up to whole milliseconds (timers, real and fake, have millisecond
    /// resolution; rounding down would wake early and spin). The continuation runs inline from the timer callback.
    /// </summary>
    public static Task DelayAsync(TimeProvider time, TimeSpan delay, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled(cancellationToken);
        }

        if (delay <= TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        var promise = new DelayPromise();
        promise.Start(time, TimeSpan.FromMilliseconds(Math.Ceiling(delay.TotalMilliseconds)), cancellationToken);
        return promise.Task;
    }

    private sealed class DelayPromise : TaskCompletionSource
    {
        private ITimer? _timer;
        private CancellationTokenRegistration _registration;
        private int _completed;

        public DelayPromise()
            : base(TaskCreationOptions.None)
        {
        }

        public void Start(TimeProvider time, TimeSpan due, CancellationToken cancellationToken)
        {
            if (cancellationToken.CanBeCanceled)
            {
                _registration = cancellationToken.UnsafeRegister(
                    static (state, token) => ((DelayPromise)state!).Complete(token), this);
            }

            var timer = time.CreateTimer(
                static state => ((DelayPromise)state!).Complete(null), this, due, Timeout.InfiniteTimeSpan);
            _timer = timer;
            if (Volatile.Read(ref _completed) != 0)
            {
                timer.Dispose();
            }
        }

        private void Complete(CancellationToken? canceledBy)
        {
            if (Interlocked.Exchange(ref _completed, 1) != 0)
            {
                return;
            }

            _timer?.Dispose();
            _registration.Unregister();
            if (canceledBy is { } token)
            {
                TrySetCanceled(token);
            }
            else
            {
                TrySetResult();
            }
        }
    }
}
