using System.Runtime.InteropServices;

namespace Simulator.AppHost.Tests;

/// <summary>Sends POSIX signals to a process, as a terminal's Ctrl-C or a supervisor would.</summary>
public static partial class Signals
{
    public const int Interrupt = 2;
    public const int Terminate = 15;

    /// <summary>kill(2); returns 0 on success.</summary>
    public static int Send(int pid, int signal) => Kill(pid, signal);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
