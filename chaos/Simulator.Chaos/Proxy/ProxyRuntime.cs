using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Simulator.Chaos.Proxy.Toxics;

namespace Simulator.Chaos.Proxy;

/// <summary>
/// One named proxy: its listener while enabled, its open connections and its toxics.
/// </summary>
internal sealed class ProxyRuntime
{
    private readonly Lock _gate = new();
    private readonly ILogger _logger;
    private readonly HashSet<ProxyConnection> _connections = [];
    private ToxicDefinition[] _toxics = [];
    private ListenerSession? _session;
    private EndPoint _upstreamEndPoint;

    public ProxyRuntime(string name, string listen, string upstream, ILogger logger, bool zeroCopy)
    {
        ZeroCopy = zeroCopy;
        Name = name;
        Listen = listen;
        Upstream = upstream;
        _upstreamEndPoint = Addresses.ParseUpstream(upstream);
        Addresses.ResolveListen(listen);
        _logger = logger;
    }

    public string Name { get; }

    /// <summary>Whether toxic-free directions move data with <c>splice(2)</c> (<see cref="ToxiproxyServerOptions.ZeroCopy"/>).</summary>
    public bool ZeroCopy { get; }

    /// <summary>The listen address; once listening, with the port actually bound.</summary>
    public string Listen { get; private set; }

    public string Upstream { get; private set; }

    public bool Enabled
    {
        get
        {
            lock (_gate)
            {
                return _session is not null;
            }
        }
    }

    public ProxyCounters Counters { get; } = new();

    public IReadOnlyList<ToxicDefinition> Toxics => Volatile.Read(ref _toxics);

    public int ConnectionCount
    {
        get
        {
            lock (_gate)
            {
                return _connections.Count;
            }
        }
    }

    /// <summary>Starts listening (no-op if already enabled). A bind failure is a 500, as in Toxiproxy.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_session is not null)
            {
                return;
            }

            var endpoint = Addresses.ResolveListen(Listen);
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                if (endpoint.AddressFamily == AddressFamily.InterNetworkV6 && endpoint.Address.Equals(IPAddress.IPv6Any))
                {
                    socket.DualMode = true;
                }

                socket.Bind(endpoint);
                socket.Listen(512);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                throw new ApiException(500, $"listen tcp {Listen}: {ex.Message}");
            }

            Listen = Addresses.Format((IPEndPoint)socket.LocalEndPoint!);
            _session = new ListenerSession(socket);
            _ = AcceptLoopAsync(_session);
            _logger.LogInformation("Started proxy {Proxy} on {Listen} to {Upstream}", Name, Listen, Upstream);
        }
    }

    /// <summary>Stops listening and closes every open connection (no-op if disabled).</summary>
    public void Stop()
    {
        ListenerSession? session;
        ProxyConnection[] connections;
        lock (_gate)
        {
            session = _session;
            _session = null;
            connections = [.. _connections];
            _connections.Clear();
        }

        session?.Close();
        foreach (var connection in connections)
        {
            connection.Close(reset: false, cut: true);
        }

        if (session is not null)
        {
            _logger.LogInformation("Stopped proxy {Proxy} on {Listen}", Name, Listen);
        }
    }

    /// <summary>
    /// Toxiproxy's update: a new listen or upstream address restarts the proxy (dropping its connections);
    /// then it is enabled or disabled as asked.
    /// </summary>
    public void Update(string listen, string upstream, bool enabled)
    {
        if (!string.Equals(listen, Listen, StringComparison.Ordinal) || !string.Equals(upstream, Upstream, StringComparison.Ordinal))
        {
            var upstreamEndPoint = Addresses.ParseUpstream(upstream);
            Addresses.ResolveListen(listen);
            Stop();
            lock (_gate)
            {
                Listen = listen;
                Upstream = upstream;
                _upstreamEndPoint = upstreamEndPoint;
            }
        }

        if (enabled)
        {
            Start();
        }
        else
        {
            Stop();
        }
    }

    /// <summary>Installs a new toxic list and applies it to every open connection at once.</summary>
    public void SetToxics(ToxicDefinition[] toxics)
    {
        lock (_gate)
        {
            Volatile.Write(ref _toxics, toxics);
            foreach (var connection in _connections)
            {
                connection.SetToxics(toxics);
            }
        }
    }

    public void Forget(ProxyConnection connection)
    {
        lock (_gate)
        {
            _connections.Remove(connection);
        }
    }

    private async Task AcceptLoopAsync(ListenerSession session)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await session.Listener.AcceptAsync(session.Token);
            }
            catch (Exception) when (session.Token.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // E.g. out of file descriptors: back off instead of spinning.
                _logger.LogWarning("Proxy {Proxy} failed to accept a connection: {Error}", Name, ex.Message);
                await Task.Delay(50);
                continue;
            }

            _ = ConnectUpstreamAsync(session, client);
        }
    }

    private async Task ConnectUpstreamAsync(ListenerSession session, Socket client)
    {
        EndPoint target;
        lock (_gate)
        {
            target = _upstreamEndPoint;
        }

        var upstream = target is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            client.NoDelay = true;
            upstream.NoDelay = true;
            await upstream.ConnectAsync(target, session.Token);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            if (!session.Token.IsCancellationRequested)
            {
                _logger.LogWarning("Proxy {Proxy}: unable to open connection to upstream {Upstream}: {Error}", Name, Upstream, ex.Message);
            }

            client.Dispose();
            upstream.Dispose();
            return;
        }

        var connection = new ProxyConnection(this, client, upstream, Counters);
        lock (_gate)
        {
            if (ReferenceEquals(_session, session))
            {
                _connections.Add(connection);
                connection.Start(_toxics);
                return;
            }
        }

        // Disabled while connecting.
        client.Dispose();
        upstream.Dispose();
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "A CancellationTokenSource without timer or linked tokens holds nothing to release.")]
    private sealed class ListenerSession(Socket listener)
    {
        private readonly CancellationTokenSource _stop = new();

        public Socket Listener { get; } = listener;

        public CancellationToken Token => _stop.Token;

        public void Close()
        {
            _ = _stop.CancelAsync();
            Listener.Dispose();
        }
    }
}
