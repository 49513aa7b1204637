using System.Net.Sockets;
using Simulator.Chaos.Proxy.Splicing;

namespace Simulator.Chaos.Proxy;

/// <summary>
/// The zero-copy path of a toxic-free direction: <c>splice(2)</c> through a pipe, used while transfers are large, as
/// HAProxy's <c>option splice-auto</c> does.
/// </summary>
/// <remarks>
/// Small messages (a query and its answer) stay on the copying path: through a pipe each costs two splices, a third
/// that finds nothing and a zero-byte receive to wait, against a receive and a send when copied, and copying a few
/// hundred bytes costs next to nothing.
/// </remarks>
internal sealed partial class LinkPump
{
    /// <summary>A splice that moves less than this goes back to copying: the data no longer comes in bulk.</summary>
    private const int SpliceAtLeast = 8 * 1024;

    private bool _zeroCopy;

    /// <summary>Set when a copying read filled its buffer: more is waiting, worth splicing.</summary>
    private bool _bulk;

    private SplicePipe? _pipe;

    /// <summary>
    /// Moves data from source to destination through a kernel pipe while this direction has no toxic and nothing is
    /// queued, checking before every move; a toxic added meanwhile acts from the next chunk on, as on the copying path.
    /// Readiness comes from the sockets' own async operations (a zero-byte receive), so no thread waits.
    /// </summary>
    /// <returns>True at the end of the source's stream; false when the direction must go on by copying.</returns>
    private async ValueTask<bool> SpliceWhileToxicFreeAsync()
    {
        var pipe = _pipe ??= OpenPipe();
        if (pipe is null)
        {
            _zeroCopy = false;
            return false;
        }

        while (CanWriteDirectly())
        {
            var moved = pipe.Fill(_source);
            if (moved == SplicePipe.WouldBlock)
            {
                // Completes when data (or the end, or a reset) arrives, without taking any of it.
                await _source.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None);
                continue;
            }

            if (moved == SplicePipe.Unsupported)
            {
                _zeroCopy = false;
                return false;
            }

            if (moved == 0)
            {
                return true;
            }

            _counters.AddReceived(Direction, (int)moved);
            await DrainAsync(pipe, (int)moved);
            if (moved < SpliceAtLeast)
            {
                _bulk = false;
                return false;
            }
        }

        // A toxic is attached (or data is queued): copy until it is gone, then splice again.
        return false;
    }

    /// <summary>Empties the pipe into the destination: spliced while it takes data, copied once it pushes back.</summary>
    private async ValueTask DrainAsync(SplicePipe pipe, int length)
    {
        while (length > 0)
        {
            var moved = pipe.Drain(_destination, length);
            if (moved == SplicePipe.WouldBlock)
            {
                // The destination's send buffer is full. The socket offers no wait for room other than a send, so the
                // rest goes through user space, where SendAsync waits for it.
                await CopyOutAsync(pipe, length);
                return;
            }

            if (moved == SplicePipe.Unsupported)
            {
                _zeroCopy = false;
                await CopyOutAsync(pipe, length);
                return;
            }

            _counters.AddSent(Direction, (int)moved);
            _counters.AddSpliced(Direction, (int)moved);
            length -= (int)moved;
        }
    }

    private async ValueTask CopyOutAsync(SplicePipe pipe, int length)
    {
        var buffer = Buffers.Rent(Math.Min(length, MaxReadSize));
        try
        {
            while (length > 0)
            {
                var read = pipe.Read(buffer.AsSpan(0, Math.Min(length, buffer.Length)));
                if (read == 0)
                {
                    throw new InvalidOperationException("The splice pipe holds less than was spliced into it.");
                }

                await WriteAsync(buffer.AsMemory(0, read));
                length -= read;
            }
        }
        finally
        {
            Buffers.Return(buffer);
        }
    }

    /// <summary>A pipe for this direction, or null (copy instead) where splicing cannot be used safely.</summary>
    private SplicePipe? OpenPipe() =>
        SplicePipe.IsNonBlocking(_source) && SplicePipe.IsNonBlocking(_destination) ? SplicePipe.TryCreate() : null;

    private void ClosePipe()
    {
        _pipe?.Dispose();
        _pipe = null;
    }
}
