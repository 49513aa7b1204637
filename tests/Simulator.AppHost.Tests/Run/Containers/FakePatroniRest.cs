using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Simulator.AppHost.Tests.Run.Containers;

/// <summary>
/// A stand-in for one standby cluster leader's Patroni REST API on a loopback port: <c>GET /patroni</c> says
/// <c>standby_leader</c> until a <c>PATCH /config</c> arrives, then <c>master</c>; every request is recorded.
/// One request per connection (it answers <c>Connection: close</c>).
/// </summary>
public sealed class FakePatroniRest : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = [];
    private readonly Lock _gate = new();
    private readonly Task _serving;
    private bool _promoted;

    public FakePatroniRest()
    {
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The port it listens on.</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Every request so far, as <c>METHOD /path body</c>.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            await using var stream = client.GetStream();
            var (method, path, body) = await ReadRequestAsync(stream, _stop.Token);
            string answer;
            lock (_gate)
            {
                _requests.Add($"{method} {path} {body}".TrimEnd());
                if (method == "PATCH" && path == "/config")
                {
                    _promoted = true;
                }

                answer = method == "PATCH" ? "{}" : $$"""{"state": "running", "role": "{{(_promoted ? "master" : "standby_leader")}}"}""";
            }

            var bytes = Encoding.UTF8.GetBytes(answer);
            var head = $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), _stop.Token);
            await stream.WriteAsync(bytes, _stop.Token);
        }
    }

    private static async Task<(string Method, string Path, string Body)> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var received = new List<byte>();
        var buffer = new byte[4096];
        int headerEnd;
        while ((headerEnd = IndexOfBlankLine(received)) < 0)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                return (string.Empty, string.Empty, string.Empty);
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. received.Take(headerEnd)]).Split("\r\n");
        var length = head.Skip(1)
            .Select(l => l.Split(':', 2))
            .Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(p => int.Parse(p[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        while (received.Count < headerEnd + 4 + length)
        {
            var read = await stream.ReadAsync(buffer, cancellationToken);
            if (read == 0)
            {
                break;
            }

            received.AddRange(buffer.AsSpan(0, read));
        }

        var requestLine = head[0].Split(' ');
        return (requestLine[0], requestLine[1], Encoding.UTF8.GetString([.. received.Skip(headerEnd + 4).Take(length)]));
    }

    private static int IndexOfBlankLine(List<byte> bytes)
    {
        for (var i = 0; i + 3 < bytes.Count; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }
}
