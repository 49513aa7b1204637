using System.Buffers;
using System.Net.Http.Headers;
using System.Text;
using Simulator.Load.Measurement;

namespace Simulator.Load.Http;

/// <summary>
/// A generic HTTP workload: each iteration sends one request (method, URL, headers, body) and reads the whole
/// response, timed as one operation (<see cref="HttpWorkloadOptions.Operation"/>). A status outside
/// <see cref="HttpWorkloadOptions.ExpectedStatus"/> fails the iteration with the error kind <c>http-&lt;status&gt;</c>;
/// no complete answer within <see cref="HttpWorkloadOptions.Timeout"/> is an unknown outcome (<c>timeout</c>); a
/// connection that could not be opened fails (<c>connection-refused</c>, <c>name-resolution</c>, <c>tls</c>); one lost
/// after the request went out is unknown (<c>connection-lost</c>). Request and response body bytes go to the
/// workload's <c>bytesSent</c>/<c>bytesReceived</c>.
/// </summary>
public sealed class HttpWorkload : IWorkload
{
    private readonly HttpClient _client;
    private readonly HttpWorkloadOptions _options;
    private readonly TimeProvider _time;
    private readonly byte[]? _body;
    private readonly MediaTypeHeaderValue? _contentType;
    private readonly KeyValuePair<string, string>[] _requestHeaders;
    private readonly KeyValuePair<string, string>[] _contentHeaders;
    private readonly string _operation;

    /// <summary>Creates the workload.</summary>
    /// <param name="client">The client to send with; give it an infinite timeout of its own (the options' timeout governs) and enough connections per server for the load.</param>
    /// <param name="options">What to send and accept.</param>
    /// <param name="timeProvider">The clock timeouts run on.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public HttpWorkload(HttpClient client, HttpWorkloadOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }

        _client = client;
        _options = options;
        _time = timeProvider;
        _operation = options.Operation ?? "http." + options.Method.Method.ToLowerInvariant();
        _body = options.Body is null ? null : Encoding.UTF8.GetBytes(options.Body);
        var content = options.Headers.Where(h => IsContentHeader(h.Key)).ToArray();
        _contentHeaders = [.. content.Where(h => !h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))];
        _requestHeaders = [.. options.Headers.Where(h => !IsContentHeader(h.Key))];
        string contentType = content.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value ?? options.ContentType;
        _contentType = _body is null ? null : MediaTypeHeaderValue.Parse(contentType);
    }

    /// <summary>The name the request is timed under in reports.</summary>
    public string Operation => _operation;

    /// <summary>Sends one unmeasured warm-up request when <see cref="HttpWorkloadOptions.WarmUp"/> allows it; ignores its outcome.</summary>
    /// <param name="cancellationToken">Cancels the warm-up.</param>
    /// <returns>A task that completes when the workload is ready.</returns>
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (!_options.WarmUp || !(_options.Method == HttpMethod.Get || _options.Method == HttpMethod.Head || _options.Method == HttpMethod.Options))
        {
            return;
        }

        try
        {
            await SendAsync(NoMeter.Instance, cancellationToken).ConfigureAwait(false);
        }
        catch (WorkloadException)
        {
            // The run measures whatever is wrong with the target; the warm-up only warms.
        }
    }

    /// <inheritdoc />
    public Task ExecuteAsync(IterationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.TimeAsync(_operation, token => SendAsync(context, token), cancellationToken);
    }

    private sealed class NoMeter : ITransferMeter
    {
        public static readonly NoMeter Instance = new();

        public void RecordTransfer(long bytesSent, long bytesReceived)
        {
        }
    }

    private static bool IsContentHeader(string name)
        => name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase) || name.Equals("Expires", StringComparison.OrdinalIgnoreCase)
            || name.Equals("Last-Modified", StringComparison.OrdinalIgnoreCase) || name.Equals("Allow", StringComparison.OrdinalIgnoreCase);

    private static WorkloadException Transport(HttpRequestException exception)
    {
        // Errors while establishing the connection mean the request was never sent; anything later may have been processed.
        var (kind, unknown) = exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => ("name-resolution", false),
            HttpRequestError.ConnectionError => ("connection-refused", false),
            HttpRequestError.SecureConnectionError => ("tls", false),
            HttpRequestError.ProxyTunnelError => ("proxy", false),
            _ => ("connection-lost", true),
        };
        return new WorkloadException(kind, unknown, exception.Message, exception);
    }

    private async Task SendAsync(ITransferMeter meter, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var abandon = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), timeout);
        using var request = new HttpRequestMessage(_options.Method, _options.Url);
        foreach (var (name, value) in _requestHeaders)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (_body is not null)
        {
            var content = new ByteArrayContent(_body);
            content.Headers.ContentType = _contentType;
            foreach (var (name, value) in _contentHeaders)
            {
                content.Headers.TryAddWithoutValidation(name, value);
            }

            request.Content = content;
        }

        long received = 0;
        bool sent = false;
        int status;
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            sent = true;
            status = (int)response.StatusCode;
            var stream = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
                try
                {
                    int read;
                    while ((read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false)) > 0)
                    {
                        received += read;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            sent = true;
            throw;
        }
        catch (OperationCanceledException exception)
        {
            sent = true;
            throw new WorkloadException("timeout", true, $"{_options.Method} {_options.Url}: no complete answer within {_options.Timeout.TotalSeconds:0.###} s", exception);
        }
        catch (HttpRequestException exception)
        {
            var error = Transport(exception);
            sent = error.OutcomeUnknown;
            throw error;
        }
        catch (IOException exception)
        {
            sent = true;
            throw new WorkloadException("connection-lost", true, exception.Message, exception);
        }
        finally
        {
            // The body counts as sent once an answer came or the outcome is unknown; a refused connection sent nothing.
            meter.RecordTransfer(sent ? _body?.Length ?? 0 : 0, received);
        }

        if (!_options.ExpectedStatus.Contains(status))
        {
            throw new WorkloadException($"http-{status}", false, $"{_options.Method} {_options.Url}: HTTP {status}, expected {_options.ExpectedStatus}");
        }
    }
}
