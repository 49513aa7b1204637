using System.Runtime.InteropServices;

namespace Simulator.Chaos.Proxy.Splicing;

/// <summary>The libc calls of the zero-copy path: <c>splice(2)</c>, <c>pipe2(2)</c>, <c>fcntl(2)</c>, <c>read(2)</c>, <c>close(2)</c> (Linux).</summary>
internal static partial class SpliceNative
{
    /// <summary>splice: do not block on the pipe (the sockets are non-blocking already, as .NET keeps them).</summary>
    public const uint NonBlock = 2;

    /// <summary>pipe2: O_NONBLOCK | O_CLOEXEC.</summary>
    public const int PipeFlags = 0x800 | 0x80000;

    /// <summary>fcntl: F_GETFL.</summary>
    public const int GetStatusFlags = 3;

    /// <summary>File status flag O_NONBLOCK.</summary>
    public const int NonBlockingFlag = 0x800;

    /// <summary>fcntl: F_SETPIPE_SZ.</summary>
    public const int SetPipeSize = 1031;

    /// <summary>errno: EAGAIN, the call would block.</summary>
    public const int WouldBlock = 11;

    /// <summary>errno: EINTR.</summary>
    public const int Interrupted = 4;

    /// <summary>errno: EINVAL, splice is not supported between these files.</summary>
    public const int Invalid = 22;

    /// <summary>errno: ENOSYS.</summary>
    public const int NotImplemented = 38;

    [LibraryImport("libc", EntryPoint = "splice", SetLastError = true)]
    public static partial nint Splice(nint input, nint inputOffset, nint output, nint outputOffset, nuint length, uint flags);

    [LibraryImport("libc", EntryPoint = "pipe2", SetLastError = true)]
    public static unsafe partial int Pipe2(int* fds, int flags);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Fcntl(int fd, int command, int argument);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
