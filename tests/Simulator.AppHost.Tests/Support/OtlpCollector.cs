using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Sockets;

namespace Simulator.AppHost.Tests;

/// <summary>
/// A tiny OTLP/HTTP (protobuf) collector on 127.0.0.1, standing in for the dashboard: keeps every span and every
/// gauge/sum data point the processes of a run export to it.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    /// <summary>Ports this helper's tests may bind (the range given to this work).</summary>
    private const int FirstPort = 23400;
    private const int LastPort = 23499;

    private readonly HttpListener _listener;
    private readonly Task _serving;
    private readonly List<OtlpSpan> _spans = [];
    private readonly List<OtlpPoint> _points = [];

    private OtlpCollector(HttpListener listener, Uri url)
    {
        _listener = listener;
        Url = url;
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The base address exporters are given (they post to <c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>).</summary>
    public Uri Url { get; }

    /// <summary>Every span received so far.</summary>
    public IReadOnlyList<OtlpSpan> Spans
    {
        get
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }
    }

    /// <summary>Every data point received so far.</summary>
    public IReadOnlyList<OtlpPoint> Points
    {
        get
        {
            lock (_points)
            {
                return [.. _points];
            }
        }
    }

    /// <summary>Starts on the first free port of the range.</summary>
    public static OtlpCollector Start()
    {
        for (var port = FirstPort; port <= LastPort; port++)
        {
            if (!IsFree(port))
            {
                continue;
            }

            var url = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
            var listener = new HttpListener();
            listener.Prefixes.Add(url.ToString());
            try
            {
                listener.Start();
                return new OtlpCollector(listener, url);
            }
            catch (HttpListenerException)
            {
                listener.Close();
            }
        }

        throw new InvalidOperationException($"no free port for the OTLP collector in {FirstPort}-{LastPort}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                var body = await ReadBodyAsync(context.Request);
                switch (context.Request.Url?.AbsolutePath)
                {
                    case "/v1/traces":
                        var spans = OtlpDecoder.Spans(body);
                        lock (_spans)
                        {
                            _spans.AddRange(spans);
                        }

                        break;
                    case "/v1/metrics":
                        var points = OtlpDecoder.Points(body);
                        lock (_points)
                        {
                            _points.AddRange(points);
                        }

                        break;
                }

                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentOutOfRangeException or IndexOutOfRangeException)
            {
                context.Response.StatusCode = 400;
            }

            context.Response.Close();
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpListenerRequest request)
    {
        using var buffer = new MemoryStream();
        var input = string.Equals(request.Headers["Content-Encoding"], "gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(request.InputStream, CompressionMode.Decompress)
            : request.InputStream;
        await using (input)
        {
            await input.CopyToAsync(buffer);
        }

        return buffer.ToArray();
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var probe = new TcpListener(IPAddress.Loopback, port);
            probe.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
