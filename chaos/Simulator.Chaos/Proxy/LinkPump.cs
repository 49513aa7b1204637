using System.Buffers;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading.Channels;
using Simulator.Chaos.Proxy.Toxics;

namespace Simulator.Chaos.Proxy;

/// <summary>
/// One direction of a proxied connection: reads the source socket into a queue of pooled chunks and pumps
/// them through the direction's toxic chain to the destination socket.
/// </summary>
/// <remarks>
/// Reading and pumping run apart so that toxics delaying data do not stop the reader (latency is pipelined).
/// Without toxics (and with nothing queued) the reader writes each chunk itself, which saves a thread-pool hop
/// per chunk on the hot path of a toxic-free link.
/// The queue is bounded in bytes and chunks, which pushes back on the source through TCP like a real link
/// with a full window. Small reads are copied into right-sized pooled buffers; nothing else is allocated
/// per chunk unless a toxic has to wait. The read size adapts: 16 KiB, doubling while reads fill the buffer (up to
/// 128 KiB, for bulk transfers) and halving when they use a quarter of it or less, so idle connections stay small.
/// With zero copy on (Linux), a toxic-free direction moves its data with <c>splice(2)</c> instead of reading and
/// writing it (<c>LinkPump.Splice.cs</c>) once a read fills its buffer, switching to the copying path above whenever a
/// toxic is attached or the transfers turn small.
/// </remarks>
internal sealed partial class LinkPump
{
    /// <summary>Reads start at this size; an idle connection holds one such buffer per direction.</summary>
    private const int MinReadSize = 16 * 1024;

    /// <summary>Reads that fill the buffer double it up to this, so bulk transfers take fewer, larger reads.</summary>
    private const int MaxReadSize = 128 * 1024;

    private const int CopyBelow = 4 * 1024;
    private const long MaxQueuedBytes = 4L * 1024 * 1024;
    private const int MaxQueuedChunks = 8192;

    /// <summary>
    /// Chunk buffers for every link in the process. Read-ahead holds up to a queue's worth of buffers at once,
    /// more than the shared pool keeps per size, so a dedicated pool keeps them from becoming garbage.
    /// </summary>
    private static readonly ArrayPool<byte> Buffers = ArrayPool<byte>.Create(MaxReadSize, 512);

    private readonly Socket _source;
    private readonly Socket _destination;
    private readonly ProxyCounters _counters;
    private readonly Channel<Chunk> _queue = Channel.CreateUnbounded<Chunk>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Lock _gate = new();
    private ToxicStage[] _chain = [];
    private long _queuedBytes;
    private int _queuedChunks;
    private TaskCompletionSource? _spaceFreed;
    private bool _closed;

    public LinkPump(ProxyConnection connection, Socket source, Socket destination, ToxicDirection direction, ProxyCounters counters, bool zeroCopy)
    {
        _zeroCopy = zeroCopy;
        Connection = connection;
        _source = source;
        _destination = destination;
        Direction = direction;
        _counters = counters;
    }

    public ProxyConnection Connection { get; }

    public ToxicDirection Direction { get; }

    public Task RunAsync() => Task.WhenAll(Task.Run(ReadLoopAsync), Task.Run(PumpLoopAsync));

    /// <summary>Installs the proxy's current toxics, keeping the stages of unchanged ones and swapping updated ones in place.</summary>
    public void SetToxics(IReadOnlyList<ToxicDefinition> toxics)
    {
        List<ToxicStage>? attached = null;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            var old = _chain;
            var next = new List<ToxicStage>(toxics.Count);
            var kept = new HashSet<ToxicStage>();
            foreach (var definition in toxics)
            {
                if (!definition.Affects(Direction))
                {
                    continue;
                }

                var existing = Array.Find(old, s => s.Definition.Id == definition.Id);
                if (existing is not null && ReferenceEquals(existing.Definition, definition))
                {
                    next.Add(existing);
                    kept.Add(existing);
                    continue;
                }

                var stage = definition.Kind.CreateStage(definition, Connection.Roll(definition));
                if (existing is not null)
                {
                    existing.ReplaceWith(stage);
                    kept.Add(existing);
                }

                next.Add(stage);
                (attached ??= []).Add(stage);
            }

            foreach (var stage in old)
            {
                if (!kept.Contains(stage))
                {
                    stage.Detach();
                }
            }

            Volatile.Write(ref _chain, [.. next]);
            if (attached is not null)
            {
                foreach (var stage in attached)
                {
                    stage.OnAttached(this);
                }
            }
        }
    }

    /// <summary>Stops the pump: interrupts its stages and lets its loops end.</summary>
    public void Shutdown()
    {
        TaskCompletionSource? waiter;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
            foreach (var stage in _chain)
            {
                stage.Detach();
            }

            waiter = _spaceFreed;
            _spaceFreed = null;
        }

        _queue.Writer.TryComplete();
        waiter?.TrySetResult();
    }

    public void ThrowIfClosing()
    {
        if (Connection.IsClosing)
        {
            throw new OperationCanceledException(Connection.Token);
        }
    }

    private async Task ReadLoopAsync()
    {
        var token = Connection.Token;
        byte[]? buffer = null;
        var readSize = MinReadSize;
        try
        {
            while (true)
            {
                if (_zeroCopy && _bulk && CanWriteDirectly() && await SpliceWhileToxicFreeAsync())
                {
                    _queue.Writer.TryWrite(new Chunk(null, 0, Stopwatch.GetTimestamp()));
                    return;
                }

                buffer ??= Buffers.Rent(readSize);
                // No token: closing the connection disposes its sockets, which ends a pending receive, and a token
                // would cost a registration per chunk.
                var read = await _source.ReceiveAsync(buffer, SocketFlags.None);
                var timestamp = Stopwatch.GetTimestamp();
                if (read == 0)
                {
                    _queue.Writer.TryWrite(new Chunk(null, 0, timestamp));
                    return;
                }

                _counters.AddReceived(Direction, read);
                _bulk = read == buffer.Length;
                var nextSize = read == buffer.Length ? Math.Min(readSize * 2, MaxReadSize)
                    : read <= readSize / 4 ? Math.Max(readSize / 2, MinReadSize)
                    : readSize;
                if (CanWriteDirectly())
                {
                    // No toxic and nothing queued: write straight from the read buffer, saving the hand-over to the
                    // pump (a thread-pool hop per chunk). Order holds: the next read waits for this write.
                    await WriteAsync(buffer.AsMemory(0, read));
                    if (nextSize != readSize)
                    {
                        Buffers.Return(buffer);
                        buffer = null;
                        readSize = nextSize;
                    }

                    continue;
                }

                readSize = nextSize;

                byte[] owned;
                if (read < CopyBelow)
                {
                    owned = Buffers.Rent(read);
                    buffer.AsSpan(0, read).CopyTo(owned);
                }
                else
                {
                    owned = buffer;
                    buffer = null;
                }

                if (!Enqueue(new Chunk(owned, read, timestamp), out var wait))
                {
                    Buffers.Return(owned);
                    return;
                }

                if (wait is not null)
                {
                    await wait.WaitAsync(token);
                }
            }
        }
        catch (Exception) when (Connection.IsClosing)
        {
            // Closed under us: nothing to report.
        }
        catch (Exception)
        {
            // The source failed (typically a reset): pass the reset on to the other side.
            Connection.Close(reset: true, cut: false);
        }
        finally
        {
            if (buffer is not null)
            {
                Buffers.Return(buffer);
            }

            ClosePipe();
        }
    }

    /// <summary>
    /// True when a chunk just read may bypass the queue: this direction has no toxic and nothing is queued or being
    /// written by the pump (a chunk stays counted until its write completes). A toxic added meanwhile acts from the
    /// next chunk on, as if this one had crossed just before.
    /// </summary>
    private bool CanWriteDirectly()
    {
        lock (_gate)
        {
            return !_closed && _chain.Length == 0 && _queuedChunks == 0;
        }
    }

    private bool Enqueue(Chunk chunk, out Task? waitForSpace)
    {
        waitForSpace = null;
        lock (_gate)
        {
            if (_closed || !_queue.Writer.TryWrite(chunk))
            {
                return false;
            }

            _queuedBytes += chunk.Length;
            _queuedChunks++;
            if (_queuedBytes > MaxQueuedBytes || _queuedChunks > MaxQueuedChunks)
            {
                _spaceFreed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                waitForSpace = _spaceFreed.Task;
            }

            return true;
        }
    }

    private void Dequeued(int length)
    {
        TaskCompletionSource? waiter = null;
        lock (_gate)
        {
            _queuedBytes -= length;
            _queuedChunks--;
            if (_spaceFreed is not null && _queuedBytes <= MaxQueuedBytes / 2 && _queuedChunks <= MaxQueuedChunks / 2)
            {
                waiter = _spaceFreed;
                _spaceFreed = null;
            }
        }

        waiter?.TrySetResult();
    }

    private async Task PumpLoopAsync()
    {
        var reader = _queue.Reader;
        var token = Connection.Token;
        try
        {
            while (await reader.WaitToReadAsync(token))
            {
                while (reader.TryRead(out var chunk))
                {
                    if (chunk.Buffer is null)
                    {
                        await ForwardEndAsync(Volatile.Read(ref _chain), chunk.Timestamp);
                        return;
                    }

                    try
                    {
                        await ForwardAsync(Volatile.Read(ref _chain), 0, chunk.Buffer.AsMemory(0, chunk.Length), chunk.Timestamp);
                    }
                    finally
                    {
                        Buffers.Return(chunk.Buffer);
                        Dequeued(chunk.Length);
                    }
                }
            }
        }
        catch (Exception) when (Connection.IsClosing)
        {
            // Closed under us.
        }
        catch (Exception)
        {
            // The destination failed (or a toxic did): reset both sides rather than leave them hanging.
            Connection.Close(reset: true, cut: false);
        }
        finally
        {
            while (reader.TryRead(out var chunk))
            {
                if (chunk.Buffer is not null)
                {
                    Buffers.Return(chunk.Buffer);
                }
            }
        }
    }

    /// <summary>
    /// Passes <paramref name="data"/> through <paramref name="chain"/> from <paramref name="index"/> on, then
    /// writes it out. Stages that split data call this for each piece.
    /// </summary>
    public async ValueTask ForwardAsync(ToxicStage[] chain, int index, ReadOnlyMemory<byte> data, long timestamp)
    {
        while (index < chain.Length)
        {
            var stage = chain[index].Resolve();
            if (stage is null || !stage.Applies)
            {
                index++;
                continue;
            }

            var result = await stage.ProcessAsync(this, chain, index, data, timestamp);
            if (result == ToxicStage.Consumed)
            {
                return;
            }

            if (result == ToxicStage.Interrupted)
            {
                // Look the slot up again; the same stage twice would mean a spurious interrupt: move on.
                if (ReferenceEquals(chain[index].Resolve(), stage))
                {
                    index++;
                }

                continue;
            }

            timestamp = result;
            index++;
        }

        await WriteAsync(data);
    }

    private async ValueTask ForwardEndAsync(ToxicStage[] chain, long timestamp)
    {
        var index = 0;
        while (index < chain.Length)
        {
            var stage = chain[index].Resolve();
            if (stage is null || !stage.Applies)
            {
                index++;
                continue;
            }

            var result = await stage.ProcessEndAsync(this, timestamp);
            if (result == ToxicStage.Consumed)
            {
                return;
            }

            if (result == ToxicStage.Interrupted)
            {
                if (ReferenceEquals(chain[index].Resolve(), stage))
                {
                    index++;
                }

                continue;
            }

            timestamp = result;
            index++;
        }

        // Half-close: the peer sees the end of this direction; the other one may go on.
        try
        {
            _destination.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException)
        {
            // Already gone; the connection is closing anyway.
        }

        Connection.DirectionFinished();
    }

    private async ValueTask WriteAsync(ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            // No token, as for receives: disposing the socket on close ends a pending send.
            var sent = await _destination.SendAsync(data, SocketFlags.None);
            _counters.AddSent(Direction, sent);
            data = data[sent..];
        }
    }

    private readonly record struct Chunk(byte[]? Buffer, int Length, long Timestamp);
}
