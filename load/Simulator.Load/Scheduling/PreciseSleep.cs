using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Simulator.Load.Scheduling;

/// <summary>
/// Blocks a thread until a <see cref="Stopwatch"/> timestamp with sub-millisecond precision. .NET timers fire on a
/// coarse clock (a millisecond or more late, often 1–4 ms), which alone would put an open model's start lateness
/// above its budget at thousands of arrivals per second; a thread sleeping with <c>nanosleep</c> wakes within tens of
/// microseconds of its target on an idle machine. Sleeps are cut into slices of at most 20 ms so cancellation is seen.
/// Elsewhere than Linux it sleeps whole milliseconds and yields for the rest.
/// </summary>
internal static partial class PreciseSleep
{
    private static readonly long Slice = Stopwatch.Frequency / 50;

    /// <summary>Returns once <see cref="Stopwatch.GetTimestamp"/> reaches <paramref name="timestamp"/>.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled first.</exception>
    public static void Until(long timestamp, CancellationToken cancellationToken)
    {
        while (true)
        {
            long remaining = timestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            long ticks = Math.Min(remaining, Slice);
            long nanoseconds = (long)(ticks * (1_000_000_000.0 / Stopwatch.Frequency));
            if (OperatingSystem.IsLinux())
            {
                var request = new Timespec((nint)(nanoseconds / 1_000_000_000), (nint)(nanoseconds % 1_000_000_000));
                _ = NanoSleep(request, 0);
            }
            else if (nanoseconds >= 2_000_000)
            {
                Thread.Sleep((int)(nanoseconds / 1_000_000) - 1);
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    /// <summary>
    /// Asks the kernel to favour the calling thread (nice -10) so that, on a busy machine, it is woken on time rather
    /// than queued behind other runnable threads. It sleeps almost all the time, so it takes little from the rest.
    /// Best effort: without the privilege (not root, no CAP_SYS_NICE) nothing changes.
    /// </summary>
    /// <returns>Whether the priority was raised.</returns>
    public static bool TryRaiseThreadPriority()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            const int PrioProcess = 0;
            const long SysGettid = 186; // x86_64
            if (RuntimeInformation.ProcessArchitecture != Architecture.X64)
            {
                return false;
            }

            int thread = (int)Syscall(SysGettid);
            return SetPriority(PrioProcess, thread, -10) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "syscall")]
    private static partial long Syscall(long number);

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    // int nanosleep(const struct timespec *req, struct timespec *rem); an interrupted sleep just loops again.
    [LibraryImport("libc", EntryPoint = "nanosleep")]
    private static partial int NanoSleep(in Timespec request, nint remaining);

    [StructLayout(LayoutKind.Sequential)]
    private readonly struct Timespec(nint seconds, nint nanoseconds)
    {
        // time_t and long: the native word on Linux.
        public readonly nint Seconds = seconds;
        public readonly nint Nanoseconds = nanoseconds;
    }
}
