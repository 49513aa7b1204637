using System.Diagnostics;
using Simulator.Chaos.Processes;

namespace Simulator.Chaos.Proxy;

/// <summary>
/// Wakes waiters at <see cref="Stopwatch"/> deadlines with sub-millisecond precision, for the toxics that delay data.
/// </summary>
/// <remarks>
/// <para><c>Task.Delay</c> is not precise enough for a latency toxic: its timer queue counts in
/// <see cref="Environment.TickCount64"/>, which on Linux moves in steps of the kernel tick (4 ms here), and a delay
/// has to be rounded up to whole milliseconds; a 50 ms toxic added 52–53 ms at the median.</para>
/// <para>One dedicated thread keeps the deadlines in a heap. It sleeps on a monitor until about
/// <see cref="CoarseMargin"/> before the earliest one (woken early when an earlier deadline arrives), then sleeps
/// the rest with <c>nanosleep</c> (microsecond resolution, no spinning), and completes every waiter that is due.
/// Waiters complete inline on the timer thread: the pump's continuation (passing the chunk on and writing it to
/// its socket, which does not block) runs at once rather than after another thread-pool hop.</para>
/// <para>On a loaded machine the thread still waits for a CPU like any other: the figures in
/// <c>docs/performance.md</c> show how much.</para>
/// </remarks>
internal sealed class PrecisionTimer
{
    /// <summary>How early the coarse (monitor) wait ends, leaving the rest to the fine one.</summary>
    private static readonly long CoarseMargin = Stopwatch.Frequency * 2 / 1000;

    /// <summary>Deadlines this close are treated as due: less than the fine sleep's own slack.</summary>
    private static readonly long DueSlack = Stopwatch.Frequency * 20 / 1_000_000;

    private readonly PriorityQueue<Waiter, long> _heap = new();
    // A plain object: the timer thread waits on it with Monitor.Wait, which System.Threading.Lock does not offer.
    private readonly object _gate = new();
    private Thread? _thread;

    public static PrecisionTimer Shared { get; } = new();

    /// <summary>Completes with true at <paramref name="deadline"/>, or with false once <paramref name="cancellationToken"/> is cancelled.</summary>
    public Task<bool> WaitUntilAsync(long deadline, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromResult(false);
        }

        if (deadline - Stopwatch.GetTimestamp() <= DueSlack)
        {
            return Task.FromResult(true);
        }

        var waiter = new Waiter();
        if (cancellationToken.CanBeCanceled)
        {
            waiter.Registration = cancellationToken.UnsafeRegister(static state => ((Waiter)state!).TrySetResult(false), waiter);
        }

        lock (_gate)
        {
            var wake = !_heap.TryPeek(out _, out var earliest) || deadline < earliest;
            _heap.Enqueue(waiter, deadline);
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "Toxiproxy precision timer" };
                _thread.Start();
            }
            else if (wake)
            {
                Monitor.Pulse(_gate);
            }
        }

        return waiter.Task;
    }

    private void Run()
    {
        var due = new List<Waiter>();
        while (true)
        {
            long fineSleep = 0;
            lock (_gate)
            {
                while (true)
                {
                    if (!_heap.TryPeek(out var first, out var deadline))
                    {
                        Monitor.Wait(_gate);
                        continue;
                    }

                    if (first.Task.IsCompleted)
                    {
                        _heap.Dequeue();
                        continue;
                    }

                    var now = Stopwatch.GetTimestamp();
                    var remaining = deadline - now;
                    if (remaining <= DueSlack)
                    {
                        while (_heap.TryPeek(out _, out var at) && at - now <= DueSlack)
                        {
                            due.Add(_heap.Dequeue());
                        }

                        break;
                    }

                    if (remaining > CoarseMargin)
                    {
                        var milliseconds = (remaining - CoarseMargin) * 1000 / Stopwatch.Frequency;
                        Monitor.Wait(_gate, (int)Math.Clamp(milliseconds, 1, int.MaxValue));
                        continue;
                    }

                    fineSleep = remaining;
                    break;
                }
            }

            if (fineSleep > 0)
            {
                SleepFine(fineSleep);
                continue;
            }

            foreach (var waiter in due)
            {
                waiter.TrySetResult(true);
            }

            due.Clear();
        }
    }

    private static void SleepFine(long ticks)
    {
        if (Posix.IsSupported)
        {
            Posix.Sleep(ticks);
            return;
        }

        var until = Stopwatch.GetTimestamp() + ticks;
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.Sleep(0);
        }
    }

    private sealed class Waiter : TaskCompletionSource<bool>
    {
        public Waiter()
            : base(TaskCreationOptions.None)
        {
        }

        public CancellationTokenRegistration Registration { get; set; }

        public new void TrySetResult(bool result)
        {
            if (base.TrySetResult(result))
            {
                Registration.Dispose();
            }
        }
    }
}
