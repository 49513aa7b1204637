using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Simulator.Chaos.Proxy.Toxics;

/// <summary><c>latency</c>: each chunk leaves <c>latency</c> ± <c>jitter</c> ms after it was read.</summary>
internal sealed class LatencyStage(ToxicDefinition definition, bool applies) : ToxicStage(definition, applies)
{
    public override async ValueTask<long> ProcessAsync(LinkPump link, ToxicStage[] chain, int index, ReadOnlyMemory<byte> data, long timestamp)
    {
        var delay = Definition[0];
        var jitter = Definition[1];
        if (jitter > 0)
        {
            delay += Random.Shared.NextInt64(-jitter, jitter);
        }

        var deadline = timestamp + MillisecondsToTicks(Math.Max(0, delay));
        return await WaitUntilAsync(link, deadline) ? deadline : Interrupted;
    }
}

/// <summary>
/// <c>bandwidth</c>: at most <c>rate</c> KB/s (1 KB = 1000 bytes; 0 = unlimited). Large chunks go out in
/// pieces of 100 ms worth of data, each when its last byte would have crossed the link.
/// </summary>
internal sealed class BandwidthStage(ToxicDefinition definition, bool applies) : ToxicStage(definition, applies)
{
    // Shared with the stages that update this one, so the link's schedule survives updates.
    private StrongBox<long> _linkFreeAt = new();

    protected override void InheritFrom(ToxicStage previous) => _linkFreeAt = ((BandwidthStage)previous)._linkFreeAt;

    public override async ValueTask<long> ProcessAsync(LinkPump link, ToxicStage[] chain, int index, ReadOnlyMemory<byte> data, long timestamp)
    {
        var rate = Definition[0];
        if (rate <= 0)
        {
            return timestamp;
        }

        var bytesPerSecond = rate * 1000;
        var pieceSize = (int)Math.Min(int.MaxValue, rate * 100);
        var offset = 0;
        while (offset < data.Length)
        {
            var size = Math.Min(pieceSize, data.Length - offset);
            var start = Math.Max(timestamp, _linkFreeAt.Value);
            var end = start + (size * Stopwatch.Frequency / bytesPerSecond);
            if (!await WaitUntilAsync(link, end))
            {
                // Updated or removed: the rest goes through whatever now holds this slot.
                await link.ForwardAsync(chain, index, data[offset..], timestamp);
                return Consumed;
            }

            _linkFreeAt.Value = end;
            if (offset == 0 && size == data.Length)
            {
                return end;
            }

            await link.ForwardAsync(chain, index + 1, data.Slice(offset, size), end);
            offset += size;
        }

        return Consumed;
    }
}

/// <summary><c>slow_close</c>: the end of the stream is passed on <c>delay</c> ms late.</summary>
internal sealed class SlowCloseStage(ToxicDefinition definition, bool applies) : ToxicStage(definition, applies)
{
    public override ValueTask<long> ProcessAsync(LinkPump link, ToxicStage[] chain, int index, ReadOnlyMemory<byte> data, long timestamp) =>
        ValueTask.FromResult(timestamp);

    public override async ValueTask<long> ProcessEndAsync(LinkPump link, long timestamp)
    {
        var deadline = Stopwatch.GetTimestamp() + MillisecondsToTicks(Definition[0]);
        return await WaitUntilAsync(link, deadline) ? timestamp : Interrupted;
    }
}

/// <summary>
/// <c>timeout</c>: holds all data (and the end of the stream) while present; if <c>timeout</c> &gt; 0,
/// closes the connection that many ms after the toxic attached to it. Held data flows once it is removed.
/// </summary>
internal sealed class TimeoutStage(ToxicDefinition definition, bool applies) : ToxicStage(definition, applies)
{
    public override void OnAttached(LinkPump link)
    {
        if (Applies && Definition[0] > 0)
        {
            _ = CloseLaterAsync(link);
        }
    }

    private async Task CloseLaterAsync(LinkPump link)
    {
        await Task.Delay(TimeSpan.FromMilliseconds(Definition[0]), InterruptToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!InterruptToken.IsCancellationRequested)
        {
            link.Connection.Close(reset: false, cut: true);
        }
    }

    public override ValueTask<long> ProcessAsync(LinkPump link, ToxicStage[] chain, int index, ReadOnlyMemory<byte> data, long timestamp) =>
        HoldAsync(link);

    public override ValueTask<long> ProcessEndAsync(LinkPump link, long timestamp) => HoldAsync(link);
}

/// <summary>
/// <c>reset_peer</c>: when data (or the end of the stream) arrives, waits <c>timeout</c> ms, drops it and
/// resets the connection (TCP RST on both sides).
/// </summary>
internal sealed class ResetPeerStage(ToxicDefinition definition, bool applies) : ToxicStage(definition, applies)
{
    public override ValueTask<long> ProcessAsync(LinkPump link, ToxicStage[] chain, int index, ReadOnlyMemory<byte> data, long timestamp) =>
        ResetAsync(link);

    public override ValueTask<long> ProcessEndAsync(LinkPump link, long timestamp) => ResetAsync(link);

    private async ValueTask<long> ResetAsync(LinkPump link)
    {
        var deadline = Stopwatch.GetTimestamp() + MillisecondsToTicks(Definition[0]);
        if (!await WaitUntilAsync(link, deadline))
        {
            return Interrupted;
        }

        link.Connection.Close(reset: true, cut: true);
        link.ThrowIfClosing();
        return Consumed;
    }
}

/// <summary>
/// <c>slicer</c>: splits chunks into pieces of <c>average_size</c> ± <c>size_variation</c> bytes and waits
/// <c>delay</c> µs between pieces. An <c>average_size</c> of 0 passes data unchanged.
/// </summary>
internal sealed class SlicerStage(ToxicDefinition definition, bool applies) : ToxicStage(definition, applies)
{
    public override async ValueTask<long> ProcessAsync(LinkPump link, ToxicStage[] chain, int index, ReadOnlyMemory<byte> data, long timestamp)
    {
        var average = Definition[0];
        var variation = Math.Min(Definition[1], Math.Max(0, average - 1));
        var delay = MicrosecondsToTicks(Definition[2]);
        if (average <= 0)
        {
            return timestamp;
        }

        var start = Math.Max(timestamp, Stopwatch.GetTimestamp());
        var offset = 0;
        for (var piece = 0; offset < data.Length; piece++)
        {
            if (piece > 0 && delay > 0 && !await WaitUntilAsync(link, start + (piece * delay)))
            {
                await link.ForwardAsync(chain, index, data[offset..], timestamp);
                return Consumed;
            }

            var size = average + (variation > 0 ? Random.Shared.NextInt64(-variation, variation + 1) : 0);
            var length = (int)Math.Clamp(size, 1, data.Length - offset);
            await link.ForwardAsync(chain, index + 1, data.Slice(offset, length), timestamp);
            offset += length;
        }

        return Consumed;
    }
}

/// <summary><c>limit_data</c>: passes at most <c>bytes</c> bytes in all, then closes the connection.</summary>
internal sealed class LimitDataStage(ToxicDefinition definition, bool applies) : ToxicStage(definition, applies)
{
    // Shared with the stages that update this one: bytes a replaced stage is still passing count too.
    private StrongBox<long> _transmitted = new();

    protected override void InheritFrom(ToxicStage previous) => _transmitted = ((LimitDataStage)previous)._transmitted;

    public override async ValueTask<long> ProcessAsync(LinkPump link, ToxicStage[] chain, int index, ReadOnlyMemory<byte> data, long timestamp)
    {
        var remaining = Definition[0] - Interlocked.Read(ref _transmitted.Value);
        if (remaining > 0)
        {
            var length = (int)Math.Min(remaining, data.Length);
            await link.ForwardAsync(chain, index + 1, data[..length], timestamp);
            remaining = Definition[0] - Interlocked.Add(ref _transmitted.Value, length);
        }

        if (remaining <= 0)
        {
            link.Connection.Close(reset: false, cut: true);
        }

        return Consumed;
    }
}

/// <summary>
/// <c>blackhole</c> (extension): holds everything, in both directions, and keeps the connection open, as
/// if the cable were unplugged. Held data flows once it is removed, as TCP would retransmit it.
/// </summary>
internal sealed class BlackholeStage(ToxicDefinition definition, bool applies) : ToxicStage(definition, applies)
{
    public override ValueTask<long> ProcessAsync(LinkPump link, ToxicStage[] chain, int index, ReadOnlyMemory<byte> data, long timestamp) =>
        HoldAsync(link);

    public override ValueTask<long> ProcessEndAsync(LinkPump link, long timestamp) => HoldAsync(link);
}
