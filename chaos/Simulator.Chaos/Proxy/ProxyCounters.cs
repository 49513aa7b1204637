namespace Simulator.Chaos.Proxy;

/// <summary>Byte and connection counters of one proxy, for <c>GET /metrics</c> and the OpenTelemetry meter (<see cref="ProxyMetrics"/>).</summary>
internal sealed class ProxyCounters
{
    private long _receivedUpstream;
    private long _receivedDownstream;
    private long _sentUpstream;
    private long _sentDownstream;
    private long _splicedUpstream;
    private long _splicedDownstream;
    private long _accepted;
    private long _active;
    private long _cut;

    public long Received(ToxicDirection direction) =>
        Interlocked.Read(ref direction == ToxicDirection.Upstream ? ref _receivedUpstream : ref _receivedDownstream);

    public long Sent(ToxicDirection direction) =>
        Interlocked.Read(ref direction == ToxicDirection.Upstream ? ref _sentUpstream : ref _sentDownstream);

    /// <summary>Of the bytes sent, those moved with <c>splice(2)</c> without passing through user space.</summary>
    public long Spliced(ToxicDirection direction) =>
        Interlocked.Read(ref direction == ToxicDirection.Upstream ? ref _splicedUpstream : ref _splicedDownstream);

    public long Accepted => Interlocked.Read(ref _accepted);

    public long Active => Interlocked.Read(ref _active);

    /// <summary>Connections the proxy ended itself (a toxic, or the proxy disabled, deleted or reset), not their peers.</summary>
    public long Cut => Interlocked.Read(ref _cut);

    public void AddReceived(ToxicDirection direction, int bytes) =>
        Interlocked.Add(ref direction == ToxicDirection.Upstream ? ref _receivedUpstream : ref _receivedDownstream, bytes);

    public void AddSent(ToxicDirection direction, int bytes) =>
        Interlocked.Add(ref direction == ToxicDirection.Upstream ? ref _sentUpstream : ref _sentDownstream, bytes);

    public void AddSpliced(ToxicDirection direction, int bytes) =>
        Interlocked.Add(ref direction == ToxicDirection.Upstream ? ref _splicedUpstream : ref _splicedDownstream, bytes);

    public void ConnectionOpened()
    {
        Interlocked.Increment(ref _accepted);
        Interlocked.Increment(ref _active);
    }

    public void ConnectionClosed(bool cut)
    {
        Interlocked.Decrement(ref _active);
        if (cut)
        {
            Interlocked.Increment(ref _cut);
        }
    }
}
