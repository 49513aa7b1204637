using System.ComponentModel;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Simulator.Chaos.Proxy.Splicing;

/// <summary>
/// A kernel pipe that carries one direction of a connection between its two sockets with <c>splice(2)</c>: the data
/// moves socket → pipe → socket as page references and never enters user space. Every call is non-blocking; the
/// caller waits for readiness through the socket's own async operations. Used by one reader at a time.
/// </summary>
internal sealed unsafe class SplicePipe : IDisposable
{
    /// <summary>Returned when the call would block (no data to read, or no room to write).</summary>
    public const long WouldBlock = -1;

    /// <summary>Returned when the kernel cannot splice these files; nothing was moved.</summary>
    public const long Unsupported = -2;

    /// <summary>Pipe capacity asked for: large enough for a loopback receive queue's worth per call.</summary>
    private const int RequestedCapacity = 1024 * 1024;

    private readonly int _readEnd;
    private readonly int _writeEnd;
    private int _disposed;

    private SplicePipe(int readEnd, int writeEnd, int capacity)
    {
        _readEnd = readEnd;
        _writeEnd = writeEnd;
        Capacity = capacity;
    }

    /// <summary>Bytes the pipe holds at most; one splice moves no more.</summary>
    public int Capacity { get; }

    /// <summary>A pipe, or null where splicing is not available (not Linux, or no file descriptors left).</summary>
    public static SplicePipe? TryCreate()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var fds = stackalloc int[2];
        if (SpliceNative.Pipe2(fds, SpliceNative.PipeFlags) != 0)
        {
            return null;
        }

        // The default 64 KiB would take a bulk transfer in small steps; the kernel may refuse more (then keep 64 KiB).
        var capacity = SpliceNative.Fcntl(fds[1], SpliceNative.SetPipeSize, RequestedCapacity);
        return new SplicePipe(fds[0], fds[1], capacity > 0 ? capacity : 64 * 1024);
    }

    /// <summary>
    /// Whether <paramref name="socket"/>'s descriptor is non-blocking, as a splice on it must be (a blocking one would
    /// hold a thread-pool thread until data came).
    /// </summary>
    public static bool IsNonBlocking(Socket socket)
    {
        var added = false;
        socket.SafeHandle.DangerousAddRef(ref added);
        try
        {
            var flags = SpliceNative.Fcntl((int)socket.SafeHandle.DangerousGetHandle(), SpliceNative.GetStatusFlags, 0);
            return flags >= 0 && (flags & SpliceNative.NonBlockingFlag) != 0;
        }
        finally
        {
            if (added)
            {
                socket.SafeHandle.DangerousRelease();
            }
        }
    }

    /// <summary>Moves what <paramref name="source"/> has received (up to the pipe's room) into the pipe.</summary>
    /// <returns>Bytes moved, 0 at the end of the stream, <see cref="WouldBlock"/> or <see cref="Unsupported"/>.</returns>
    /// <exception cref="Win32Exception">The socket failed (a reset).</exception>
    /// <exception cref="ObjectDisposedException">The socket was closed.</exception>
    public long Fill(Socket source) => Move(source.SafeHandle, fromSocket: true, Capacity);

    /// <summary>Moves up to <paramref name="length"/> bytes from the pipe into <paramref name="destination"/>.</summary>
    /// <returns>Bytes moved, <see cref="WouldBlock"/> when its send buffer is full, or <see cref="Unsupported"/>.</returns>
    /// <exception cref="Win32Exception">The socket failed (a reset, or its peer gone).</exception>
    /// <exception cref="ObjectDisposedException">The socket was closed.</exception>
    public long Drain(Socket destination, int length) => Move(destination.SafeHandle, fromSocket: false, length);

    /// <summary>Reads what the pipe holds into <paramref name="buffer"/> (user space), for a destination that is not ready.</summary>
    public int Read(Span<byte> buffer)
    {
        while (true)
        {
            nint read;
            fixed (byte* start = buffer)
            {
                read = SpliceNative.Read(_readEnd, start, (nuint)buffer.Length);
            }

            if (read >= 0)
            {
                return (int)read;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error != SpliceNative.Interrupted)
            {
                throw new Win32Exception(error);
            }
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _ = SpliceNative.Close(_readEnd);
            _ = SpliceNative.Close(_writeEnd);
        }
    }

    private long Move(SafeSocketHandle socket, bool fromSocket, int length)
    {
        // Holding a reference keeps the descriptor from being closed, and its number reused, during the call.
        var added = false;
        socket.DangerousAddRef(ref added);
        try
        {
            var fd = socket.DangerousGetHandle();
            while (true)
            {
                var moved = fromSocket
                    ? SpliceNative.Splice(fd, 0, _writeEnd, 0, (nuint)length, SpliceNative.NonBlock)
                    : SpliceNative.Splice(_readEnd, 0, fd, 0, (nuint)length, SpliceNative.NonBlock);
                if (moved >= 0)
                {
                    return moved;
                }

                switch (Marshal.GetLastPInvokeError())
                {
                    case SpliceNative.Interrupted:
                        continue;
                    case SpliceNative.WouldBlock:
                        return WouldBlock;
                    case SpliceNative.Invalid or SpliceNative.NotImplemented:
                        return Unsupported;
                    case var error:
                        throw new Win32Exception(error);
                }
            }
        }
        finally
        {
            if (added)
            {
                socket.DangerousRelease();
            }
        }
    }
}
