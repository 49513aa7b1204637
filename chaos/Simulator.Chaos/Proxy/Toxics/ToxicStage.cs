using System.Diagnostics;

namespace Simulator.Chaos.Proxy.Toxics;

/// <summary>
/// A toxic attached to one direction of one connection, with the per-connection state it needs.
/// </summary>
/// <remarks>
/// <para>Data flows through a link's stages one chunk at a time; every chunk carries the time it was read
/// (a <see cref="Stopwatch"/> timestamp) and stages wait for absolute deadlines, so chunks queued behind a
/// delayed one are not delayed twice (latency is pipelined, as on a real link).</para>
/// <para>When the toxic is updated the stage gets a <see cref="Successor"/>; when it is removed it is marked
/// removed. Either way its <see cref="InterruptToken"/> is cancelled, so a chunk held or delayed by it is handed to
/// whatever now stands in its place (the successor, or the next stage). That is how toxics added, updated
/// or removed through the API act on connections that are already open.</para>
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A CancellationTokenSource without timer or linked tokens holds nothing to release.")]
internal abstract class ToxicStage(ToxicDefinition definition, bool applies)
{
    /// <summary>The chunk went no further through this call (dropped, held then dropped, or forwarded by the stage).</summary>
    public const long Consumed = -1;

    /// <summary>The stage was replaced or removed while it held the chunk: look the slot up again.</summary>
    public const long Interrupted = -2;

    private readonly CancellationTokenSource _interrupt = new();
    private volatile ToxicStage? _successor;
    private volatile bool _removed;

    public ToxicDefinition Definition { get; } = definition;

    /// <summary>Whether the toxicity roll made this toxic act on this connection.</summary>
    public bool Applies { get; } = applies;

    public ToxicStage? Successor => _successor;

    /// <summary>The stage now standing in this one's slot: itself, its latest successor, or null if removed.</summary>
    public ToxicStage? Resolve()
    {
        var stage = this;
        while (stage._successor is { } next)
        {
            stage = next;
        }

        return stage._removed ? null : stage;
    }

    /// <summary>Cancelled when the stage is replaced, removed, or its connection closes.</summary>
    protected CancellationToken InterruptToken => _interrupt.Token;

    /// <summary>Hands the slot to <paramref name="next"/> (an update of the same toxic).</summary>
    public void ReplaceWith(ToxicStage next)
    {
        if (next.GetType() == GetType())
        {
            next.InheritFrom(this);
        }

        _successor = next;
        Interrupt();
    }

    /// <summary>Takes the stage out (toxic removed, or connection closed).</summary>
    public void Detach()
    {
        _removed = true;
        Interrupt();
    }

    private void Interrupt()
    {
        // Asynchronous so that no waiting pump runs inline on the API thread, under its locks.
        // The token is cancelled synchronously; only the callbacks run later.
        _ = _interrupt.CancelAsync();
    }

    /// <summary>Carries per-connection state over an update (e.g. bytes already counted).</summary>
    protected virtual void InheritFrom(ToxicStage previous)
    {
    }

    /// <summary>Called once the stage is in a live link's chain (starts timers).</summary>
    public virtual void OnAttached(LinkPump link)
    {
    }

    /// <summary>
    /// Processes one chunk. Returns the chunk's new timestamp to pass it on, <see cref="Consumed"/>, or
    /// <see cref="Interrupted"/>.
    /// </summary>
    public abstract ValueTask<long> ProcessAsync(LinkPump link, ToxicStage[] chain, int index, ReadOnlyMemory<byte> data, long timestamp);

    /// <summary>Processes the end of the stream (the source closed its side); same results as <see cref="ProcessAsync"/>.</summary>
    public virtual ValueTask<long> ProcessEndAsync(LinkPump link, long timestamp) => ValueTask.FromResult(timestamp);

    /// <summary>Waits until <paramref name="deadline"/>; false if interrupted first. Throws if the connection closes.</summary>
    protected async ValueTask<bool> WaitUntilAsync(LinkPump link, long deadline)
    {
        if (Stopwatch.GetTimestamp() >= deadline)
        {
            return !InterruptToken.IsCancellationRequested || IsStillCurrent();
        }

        // Not Task.Delay: its timer queue moves in kernel ticks (4 ms) and whole milliseconds.
        await PrecisionTimer.Shared.WaitUntilAsync(deadline, InterruptToken);
        link.ThrowIfClosing();
        return !InterruptToken.IsCancellationRequested || IsStillCurrent();
    }

    /// <summary>Waits until interrupted (for toxics that hold data). Throws if the connection closes.</summary>
    protected async ValueTask<long> HoldAsync(LinkPump link)
    {
        await Task.Delay(Timeout.Infinite, InterruptToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        link.ThrowIfClosing();
        return Interrupted;
    }

    private bool IsStillCurrent() => !_removed && _successor is null;

    /// <summary>Converts milliseconds to <see cref="Stopwatch"/> ticks.</summary>
    protected static long MillisecondsToTicks(long milliseconds) => milliseconds * Stopwatch.Frequency / 1000;

    /// <summary>Converts microseconds to <see cref="Stopwatch"/> ticks.</summary>
    protected static long MicrosecondsToTicks(long microseconds) => microseconds * Stopwatch.Frequency / 1_000_000;
}
