using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Simulator.Chaos.Tests;

/// <summary>A TCP echo server on 127.0.0.1 with an OS-assigned port; closes its side when the client does.</summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _connections = [];
    private long _bytesReceived;
    private int _accepted;

    public EchoServer()
    {
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(64);
        Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
        _ = AcceptLoopAsync();
    }

    public int Port { get; }

    public string Address => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    public int Accepted => Volatile.Read(ref _accepted);

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptAsync(_stop.Token);
                Interlocked.Increment(ref _accepted);
                lock (_connections)
                {
                    _connections.Add(socket);
                }

                _ = EchoAsync(socket);
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task EchoAsync(Socket socket)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await socket.ReceiveAsync(buffer, SocketFlags.None, _stop.Token);
                if (read == 0)
                {
                    socket.Shutdown(SocketShutdown.Send);
                    break;
                }

                Interlocked.Add(ref _bytesReceived, read);
                await socket.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, _stop.Token);
            }
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            socket.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        _listener.Dispose();
        lock (_connections)
        {
            foreach (var socket in _connections)
            {
                socket.Dispose();
            }
        }

    }
}

/// <summary>Socket helpers with timeouts, so a broken proxy fails a test instead of hanging it.</summary>
internal static class Net
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public static int PortOf(string listen) => int.Parse(listen[(listen.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture);

    public static async Task<Socket> ConnectAsync(string listen)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, PortOf(listen)), timeout.Token);
        return socket;
    }

    public static async Task SendAsync(Socket socket, string text) =>
        await socket.SendAsync(Encoding.ASCII.GetBytes(text), SocketFlags.None);

    /// <summary>Reads exactly <paramref name="count"/> bytes, failing the test if they do not come within the timeout.</summary>
    public static async Task<byte[]> ReadExactlyAsync(Socket socket, int count, TimeSpan? timeout = null)
    {
        var buffer = new byte[count];
        var offset = 0;
        using var cts = new CancellationTokenSource(timeout ?? Patience);
        while (offset < count)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(offset), SocketFlags.None, cts.Token);
            Assert.True(read > 0, $"connection closed after {offset} of {count} bytes");
            offset += read;
        }

        return buffer;
    }

    public static async Task<string> ReadTextAsync(Socket socket, int count, TimeSpan? timeout = null) =>
        Encoding.ASCII.GetString(await ReadExactlyAsync(socket, count, timeout));

    /// <summary>Sends <paramref name="text"/> and times how long its echo takes.</summary>
    public static async Task<TimeSpan> RoundTripAsync(Socket socket, string text, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        await SendAsync(socket, text);
        Assert.Equal(text, await ReadTextAsync(socket, text.Length, timeout));
        return watch.Elapsed;
    }

    /// <summary>
    /// Reads once with a timeout: the bytes read (0 = orderly close), null if nothing came in time, or the
    /// socket error that ended the connection.
    /// </summary>
    public static async Task<ReadOutcome> ReadOnceAsync(Socket socket, TimeSpan timeout, int size = 1024)
    {
        var buffer = new byte[size];
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
            return new ReadOutcome(read, buffer[..read], null, TimedOut: false);
        }
        catch (OperationCanceledException)
        {
            return new ReadOutcome(0, [], null, TimedOut: true);
        }
        catch (SocketException ex)
        {
            return new ReadOutcome(0, [], ex.SocketErrorCode, TimedOut: false);
        }
    }

    /// <summary>Waits for the connection to end: an orderly close or an error, failing the test on a timeout.</summary>
    public static async Task<ReadOutcome> WaitForCloseAsync(Socket socket, TimeSpan? timeout = null)
    {
        var watch = Stopwatch.StartNew();
        var limit = timeout ?? Patience;
        while (true)
        {
            var outcome = await ReadOnceAsync(socket, limit - watch.Elapsed);
            Assert.False(outcome.TimedOut, "the connection was not closed in time");
            if (outcome.Error is not null || outcome.Read == 0)
            {
                return outcome;
            }
        }
    }

    public static async Task<bool> CanConnectAsync(string listen)
    {
        try
        {
            using var socket = await ConnectAsync(listen);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

internal sealed record ReadOutcome(int Read, byte[] Data, SocketError? Error, bool TimedOut)
{
    public bool Closed => !TimedOut && (Error is not null || Read == 0);
}

/// <summary>A server on a free port, an HTTP client and a typed client for one test.</summary>
internal sealed class Harness : IAsyncDisposable
{
    private Harness(ToxiproxyServer server)
    {
        Server = server;
        Http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = Net.Patience };
        Client = new ToxiproxyClient(Http);
    }

    public ToxiproxyServer Server { get; }

    public HttpClient Http { get; }

    public ToxiproxyClient Client { get; }

    public static async Task<Harness> StartAsync(bool extensions = true) =>
        new(await ToxiproxyServer.StartAsync(new ToxiproxyServerOptions { Host = "127.0.0.1", Port = 0, EnableExtensions = extensions }));

    /// <summary>Creates a proxy to <paramref name="upstream"/> listening on a free loopback port.</summary>
    public Task<ProxyInfo> ProxyAsync(string name, EchoServer upstream) =>
        Client.CreateProxyAsync(name, "127.0.0.1:0", upstream.Address);

    public async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, body);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
