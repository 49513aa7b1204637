using System.Diagnostics;
using System.Net.Sockets;

namespace Simulator.Chaos.Tests.Proxy;

/// <summary>
/// An endless byte stream whose every position has a known value (a random 1 MiB block, varied per repetition), sent
/// through an echo and checked byte by byte as it comes back, so any loss, duplication or reordering is caught.
/// </summary>
internal sealed class PatternStream
{
    private const int Period = 1 << 20;
    private const int PieceSize = 64 * 1024;
    private readonly byte[] _block = new byte[Period];
    private long _sent;
    private long _received;

    public PatternStream(int seed) => new Random(seed).NextBytes(_block);

    public long Sent => Interlocked.Read(ref _sent);

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Sends the stream on until <paramref name="stop"/> is cancelled or the connection fails.</summary>
    public async Task WriteUntilAsync(Socket socket, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await WriteAsync(socket, PieceSize);
            }
        }
        catch (SocketException)
        {
            // The connection was cut: what was sent is what counts.
        }
    }

    /// <summary>Sends the next <paramref name="length"/> bytes of the stream.</summary>
    public async Task WriteAsync(Socket socket, int length)
    {
        var piece = new byte[length];
        var start = Sent;
        for (var i = 0; i < length; i++)
        {
            piece[i] = At(start + i);
        }

        var offset = 0;
        while (offset < length)
        {
            offset += await socket.SendAsync(piece.AsMemory(offset), SocketFlags.None);
        }

        Interlocked.Add(ref _sent, length);
    }

    /// <summary>Reads and checks until the connection ends: null for an orderly close, else the error that ended it.</summary>
    public async Task<SocketError?> ReadToEndAsync(Socket socket)
    {
        var buffer = new byte[256 * 1024];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None);
                if (read == 0)
                {
                    return null;
                }

                var start = Received;
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != At(start + i))
                    {
                        throw new InvalidDataException($"byte {start + i} of the stream came back wrong: lost, duplicated or reordered data");
                    }
                }

                Interlocked.Add(ref _received, read);
            }
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode;
        }
    }

    /// <summary>Waits until everything sent has come back; false if it did not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForEchoAsync(TimeSpan timeout) => await WaitForReceivedAsync(Sent, timeout);

    /// <summary>Waits until at least <paramref name="count"/> bytes have come back; false if they did not in time.</summary>
    public async Task<bool> WaitForReceivedAsync(long count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        while (Received < count)
        {
            if (watch.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(1);
        }

        return true;
    }

    private byte At(long position) => (byte)(_block[position % Period] ^ (byte)(position / Period));
}
