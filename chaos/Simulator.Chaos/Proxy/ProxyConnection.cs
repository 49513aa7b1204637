using System.Net.Sockets;
using Simulator.Chaos.Proxy.Toxics;

namespace Simulator.Chaos.Proxy;

/// <summary>
/// A client connection and its upstream connection, joined by two <see cref="LinkPump"/>s.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A CancellationTokenSource without timer or linked tokens holds nothing to release.")]
internal sealed class ProxyConnection
{
    private readonly Socket _client;
    private readonly Socket _upstream;
    private readonly ProxyRuntime _proxy;
    private readonly ProxyCounters _counters;
    private readonly CancellationTokenSource _closing = new();
    private readonly Dictionary<ToxicDefinition, bool> _sharedRolls = [];
    private readonly LinkPump _toUpstream;
    private readonly LinkPump _toClient;
    private int _closed;
    private int _finishedDirections;

    public ProxyConnection(ProxyRuntime proxy, Socket client, Socket upstream, ProxyCounters counters)
    {
        _proxy = proxy;
        _client = client;
        _upstream = upstream;
        _counters = counters;
        Token = _closing.Token;
        if (proxy.ZeroCopy)
        {
            // Splicing needs non-blocking descriptors; the proxy only ever uses these sockets asynchronously anyway.
            client.Blocking = false;
            upstream.Blocking = false;
        }

        _toUpstream = new LinkPump(this, client, upstream, ToxicDirection.Upstream, counters, proxy.ZeroCopy);
        _toClient = new LinkPump(this, upstream, client, ToxicDirection.Downstream, counters, proxy.ZeroCopy);
    }

    public CancellationToken Token { get; }

    public bool IsClosing => Volatile.Read(ref _closed) != 0;

    /// <summary>Starts both directions with the proxy's toxics (called under the proxy's lock).</summary>
    public void Start(IReadOnlyList<ToxicDefinition> toxics)
    {
        _counters.ConnectionOpened();
        SetToxics(toxics);
        _ = _toUpstream.RunAsync();
        _ = _toClient.RunAsync();
    }

    public void SetToxics(IReadOnlyList<ToxicDefinition> toxics)
    {
        _toUpstream.SetToxics(toxics);
        _toClient.SetToxics(toxics);
    }

    /// <summary>
    /// Decides whether a toxic applies to this connection (probability = toxicity). Toxics that act on both
    /// directions are decided once for the connection, so they cut both ways or neither.
    /// </summary>
    public bool Roll(ToxicDefinition toxic)
    {
        if (toxic.Toxicity >= 1)
        {
            return true;
        }

        if (toxic.Toxicity <= 0)
        {
            return false;
        }

        if (!toxic.Kind.BothDirections)
        {
            return Random.Shared.NextDouble() < toxic.Toxicity;
        }

        lock (_sharedRolls)
        {
            if (!_sharedRolls.TryGetValue(toxic, out var applies))
            {
                applies = Random.Shared.NextDouble() < toxic.Toxicity;
                _sharedRolls[toxic] = applies;
            }

            return applies;
        }
    }

    /// <summary>Both directions ended cleanly: close.</summary>
    public void DirectionFinished()
    {
        if (Interlocked.Increment(ref _finishedDirections) == 2)
        {
            Close(reset: false, cut: false);
        }
    }

    /// <summary>
    /// Closes both sockets: with FIN, or with RST when <paramref name="reset"/> (linger 0). Idempotent.
    /// <paramref name="cut"/> says the proxy ends the connection itself (a toxic, the proxy stopping) rather than
    /// passing on what a peer did; it is counted as such.
    /// </summary>
    public void Close(bool reset, bool cut)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _ = _closing.CancelAsync();
        _toUpstream.Shutdown();
        _toClient.Shutdown();
        CloseSocket(_client, reset);
        CloseSocket(_upstream, reset);
        _counters.ConnectionClosed(cut);
        _proxy.Forget(this);
    }

    private static void CloseSocket(Socket socket, bool reset)
    {
        try
        {
            if (reset)
            {
                socket.LingerState = new LingerOption(true, 0);
            }
            else
            {
                socket.Shutdown(SocketShutdown.Both);
            }
        }
        catch (SocketException)
        {
            // Not connected any more: closing is all that is left.
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        socket.Dispose();
    }
}
