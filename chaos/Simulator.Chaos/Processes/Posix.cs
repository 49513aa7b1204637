using System.Runtime.InteropServices;

namespace Simulator.Chaos.Processes;

/// <summary>The few libc calls the fault library needs: <c>kill(2)</c> and <c>nanosleep(2)</c> (Linux).</summary>
internal static partial class Posix
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    /// <summary>errno: no such process.</summary>
    public const int NoSuchProcess = 3;

    /// <summary>errno: operation not permitted.</summary>
    public const int NotPermitted = 1;

    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>Sends <paramref name="signal"/> to <paramref name="pid"/> (a negative pid: to that process group).</summary>
    /// <returns>0, or the errno of the failure.</returns>
    public static int Signal(int pid, int signal) => Kill(pid, signal) == 0 ? 0 : Marshal.GetLastPInvokeError();

    /// <summary>Sleeps the calling thread for <paramref name="ticks"/> <see cref="System.Diagnostics.Stopwatch"/> ticks, with microsecond resolution.</summary>
    public static void Sleep(long ticks)
    {
        if (ticks <= 0)
        {
            return;
        }

        var nanoseconds = (long)(ticks * (1_000_000_000.0 / System.Diagnostics.Stopwatch.Frequency));
        var request = new Timespec { Seconds = (nint)(nanoseconds / 1_000_000_000), Nanoseconds = (nint)(nanoseconds % 1_000_000_000) };
        _ = NanoSleep(in request, 0);
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "nanosleep", SetLastError = true)]
    private static partial int NanoSleep(in Timespec request, nint remaining);

    private struct Timespec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }
}
