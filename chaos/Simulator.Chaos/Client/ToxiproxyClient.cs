using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulator.Chaos;

/// <summary>
/// A typed client of the Toxiproxy HTTP API. It drives both this project's <see cref="ToxiproxyServer"/> and
/// the real Toxiproxy (<c>ghcr.io/shopify/toxiproxy</c>): errors of either format become a
/// <see cref="ToxiproxyException"/>, updates fall back from <c>PATCH</c> to <c>POST</c> on servers older than
/// 2.6, and the partition calls fall back to one request per proxy where <c>/x/partition</c> is missing.
/// </summary>
public sealed class ToxiproxyClient : IDisposable
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client of the API at <paramref name="baseAddress"/> (e.g. <c>http://127.0.0.1:8474</c>).</summary>
    /// <param name="baseAddress">The API's base address.</param>
    public ToxiproxyClient(Uri baseAddress)
        : this(new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) }, ownsHttpClient: true)
    {
    }

    /// <summary>Creates a client over <paramref name="httpClient"/>, whose <see cref="HttpClient.BaseAddress"/> must be set.</summary>
    /// <param name="httpClient">The HTTP client; not disposed by this client.</param>
    public ToxiproxyClient(HttpClient httpClient)
        : this(httpClient, ownsHttpClient: false)
    {
    }

    private ToxiproxyClient(HttpClient httpClient, bool ownsHttpClient)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        var baseAddress = httpClient.BaseAddress ?? throw new ArgumentException("The HttpClient needs a BaseAddress.", nameof(httpClient));
        BaseAddress = baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
        _http = httpClient;
        _ownsHttp = ownsHttpClient;
    }

    /// <summary>The API's base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary><c>GET /version</c>: the server's version string.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The version, e.g. <c>2.12.0</c>.</returns>
    public async Task<string> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        var text = (await SendForTextAsync(HttpMethod.Get, "version", null, cancellationToken)).Trim();
        try
        {
            // Toxiproxy 2.1.3+ answers {"version": "..."}; older ones answered the bare version.
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("version", out var version)
                && version.ValueKind == JsonValueKind.String)
            {
                return version.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the bare version.
        }

        return text;
    }

    /// <summary><c>GET /proxies</c>: every proxy with its toxics, by name.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxies by name.</returns>
    public async Task<IReadOnlyDictionary<string, ProxyInfo>> GetProxiesAsync(CancellationToken cancellationToken = default) =>
        await SendAsync<Dictionary<string, ProxyInfo>>(HttpMethod.Get, "proxies", null, cancellationToken);

    /// <summary><c>GET /proxies/{proxy}</c>.</summary>
    /// <param name="name">The proxy's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxy.</returns>
    /// <exception cref="ToxiproxyException">404 if there is no such proxy.</exception>
    public Task<ProxyInfo> GetProxyAsync(string name, CancellationToken cancellationToken = default) =>
        SendAsync<ProxyInfo>(HttpMethod.Get, ProxyPath(name), null, cancellationToken);

    /// <summary><c>POST /proxies</c>: creates a proxy (listening at once unless disabled).</summary>
    /// <param name="config">The proxy to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxy, with the real port when asked to listen on port 0.</returns>
    /// <exception cref="ToxiproxyException">409 if the name is taken, 400 for bad input.</exception>
    public Task<ProxyInfo> CreateProxyAsync(ProxyConfig config, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        return SendAsync<ProxyInfo>(HttpMethod.Post, "proxies", config, cancellationToken);
    }

    /// <summary><c>POST /proxies</c>: creates an enabled proxy.</summary>
    /// <param name="name">The proxy's unique name.</param>
    /// <param name="listen">The address to listen on, e.g. <c>127.0.0.1:0</c>.</param>
    /// <param name="upstream">The <c>host:port</c> to forward to.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxy.</returns>
    public Task<ProxyInfo> CreateProxyAsync(string name, string listen, string upstream, CancellationToken cancellationToken = default) =>
        CreateProxyAsync(new ProxyConfig(name, listen, upstream), cancellationToken);

    /// <summary><c>PATCH /proxies/{proxy}</c> (<c>POST</c> on servers without PATCH): changes the given fields only.</summary>
    /// <param name="name">The proxy's name.</param>
    /// <param name="update">The fields to change.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxy after the change.</returns>
    public Task<ProxyInfo> UpdateProxyAsync(string name, ProxyUpdate update, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(update);
        return SendUpdateAsync<ProxyInfo>(ProxyPath(name), update, cancellationToken);
    }

    /// <summary>Enables a proxy: it listens again on its address.</summary>
    /// <param name="name">The proxy's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxy.</returns>
    public Task<ProxyInfo> EnableProxyAsync(string name, CancellationToken cancellationToken = default) =>
        UpdateProxyAsync(name, new ProxyUpdate { Enabled = true }, cancellationToken);

    /// <summary>Disables a proxy: it stops listening and closes its open connections (a link cut).</summary>
    /// <param name="name">The proxy's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxy.</returns>
    public Task<ProxyInfo> DisableProxyAsync(string name, CancellationToken cancellationToken = default) =>
        UpdateProxyAsync(name, new ProxyUpdate { Enabled = false }, cancellationToken);

    /// <summary><c>DELETE /proxies/{proxy}</c>: stops and removes a proxy.</summary>
    /// <param name="name">The proxy's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once deleted.</returns>
    public Task DeleteProxyAsync(string name, CancellationToken cancellationToken = default) =>
        SendForTextAsync(HttpMethod.Delete, ProxyPath(name), null, cancellationToken);

    /// <summary>
    /// <c>POST /populate</c>: creates the proxies that are missing, leaves alone those that match (same listen and
    /// upstream), and replaces those that differ. Nothing changes if any entry is invalid.
    /// </summary>
    /// <param name="proxies">The proxies that should exist.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxies, in the order given.</returns>
    public async Task<IReadOnlyList<ProxyInfo>> PopulateAsync(IEnumerable<ProxyConfig> proxies, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        var result = await SendAsync<ProxyListResponse>(HttpMethod.Post, "populate", proxies.ToList(), cancellationToken);
        return result.Proxies ?? [];
    }

    /// <summary><c>POST /reset</c>: enables every proxy and removes every toxic.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once reset.</returns>
    public Task ResetAsync(CancellationToken cancellationToken = default) =>
        SendForTextAsync(HttpMethod.Post, "reset", null, cancellationToken);

    /// <summary><c>GET /proxies/{proxy}/toxics</c>.</summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxy's toxics.</returns>
    public async Task<IReadOnlyList<ToxicInfo>> GetToxicsAsync(string proxy, CancellationToken cancellationToken = default) =>
        await SendAsync<List<ToxicInfo>>(HttpMethod.Get, ProxyPath(proxy) + "/toxics", null, cancellationToken);

    /// <summary><c>GET /proxies/{proxy}/toxics/{toxic}</c>.</summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="toxic">The toxic's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic.</returns>
    public Task<ToxicInfo> GetToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default) =>
        SendAsync<ToxicInfo>(HttpMethod.Get, ToxicPath(proxy, toxic), null, cancellationToken);

    /// <summary><c>POST /proxies/{proxy}/toxics</c>: adds a toxic; it acts on open connections too.</summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="toxic">The toxic.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic as created (with its default name if none was given).</returns>
    /// <exception cref="ToxiproxyException">409 if a toxic of that name exists, 400 for bad input.</exception>
    public Task<ToxicInfo> AddToxicAsync(string proxy, ToxicSpec toxic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(toxic);
        return SendAsync<ToxicInfo>(HttpMethod.Post, ProxyPath(proxy) + "/toxics", toxic, cancellationToken);
    }

    /// <summary>
    /// <c>PATCH /proxies/{proxy}/toxics/{toxic}</c>: changes the given attributes (the others stay) and, if given,
    /// the toxicity. Open connections switch to the new values at once.
    /// </summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="toxic">The toxic's name.</param>
    /// <param name="attributes">Attributes to change, or null.</param>
    /// <param name="toxicity">A new toxicity, or null to keep it.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic after the change.</returns>
    public Task<ToxicInfo> UpdateToxicAsync(string proxy, string toxic, IReadOnlyDictionary<string, long>? attributes, double? toxicity = null, CancellationToken cancellationToken = default)
    {
        var body = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["attributes"] = attributes ?? new Dictionary<string, long>(),
        };
        if (toxicity is { } value)
        {
            body["toxicity"] = value;
        }

        return SendUpdateAsync<ToxicInfo>(ToxicPath(proxy, toxic), body, cancellationToken);
    }

    /// <summary><c>DELETE /proxies/{proxy}/toxics/{toxic}</c>: removes a toxic; data it held flows on.</summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="toxic">The toxic's name.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes once removed.</returns>
    public Task RemoveToxicAsync(string proxy, string toxic, CancellationToken cancellationToken = default) =>
        SendForTextAsync(HttpMethod.Delete, ToxicPath(proxy, toxic), null, cancellationToken);

    /// <summary>Adds a <c>latency</c> toxic: data is delayed by <paramref name="latency"/> ± <paramref name="jitter"/>.</summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="latency">The delay (whole milliseconds).</param>
    /// <param name="jitter">The random variation either way (whole milliseconds).</param>
    /// <param name="options">Name, stream and toxicity; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic.</returns>
    public Task<ToxicInfo> AddLatencyAsync(string proxy, TimeSpan latency, TimeSpan jitter = default, ToxicOptions? options = null, CancellationToken cancellationToken = default) =>
        AddAsync(proxy, ToxicTypes.Latency, options, cancellationToken, ("latency", Milliseconds(latency)), ("jitter", Milliseconds(jitter)));

    /// <summary>Adds a <c>bandwidth</c> toxic: at most <paramref name="kilobytesPerSecond"/> KB/s (1 KB = 1000 bytes).</summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="kilobytesPerSecond">The rate.</param>
    /// <param name="options">Name, stream and toxicity; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic.</returns>
    public Task<ToxicInfo> AddBandwidthAsync(string proxy, long kilobytesPerSecond, ToxicOptions? options = null, CancellationToken cancellationToken = default) =>
        AddAsync(proxy, ToxicTypes.Bandwidth, options, cancellationToken, ("rate", kilobytesPerSecond));

    /// <summary>Adds a <c>slow_close</c> toxic: the close of the stream reaches the peer <paramref name="delay"/> late.</summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="delay">The delay (whole milliseconds).</param>
    /// <param name="options">Name, stream and toxicity; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic.</returns>
    public Task<ToxicInfo> AddSlowCloseAsync(string proxy, TimeSpan delay, ToxicOptions? options = null, CancellationToken cancellationToken = default) =>
        AddAsync(proxy, ToxicTypes.SlowClose, options, cancellationToken, ("delay", Milliseconds(delay)));

    /// <summary>
    /// Adds a <c>timeout</c> toxic: no data passes, and the connection is closed after <paramref name="timeout"/>;
    /// with <see cref="TimeSpan.Zero"/> it is held open, data held, until the toxic is removed.
    /// </summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="timeout">When to close (whole milliseconds); zero never.</param>
    /// <param name="options">Name, stream and toxicity; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic.</returns>
    public Task<ToxicInfo> AddTimeoutAsync(string proxy, TimeSpan timeout, ToxicOptions? options = null, CancellationToken cancellationToken = default) =>
        AddAsync(proxy, ToxicTypes.Timeout, options, cancellationToken, ("timeout", Milliseconds(timeout)));

    /// <summary>Adds a <c>reset_peer</c> toxic: <paramref name="timeout"/> after data arrives, the connection is reset (RST).</summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="timeout">The delay before the reset (whole milliseconds).</param>
    /// <param name="options">Name, stream and toxicity; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic.</returns>
    public Task<ToxicInfo> AddResetPeerAsync(string proxy, TimeSpan timeout, ToxicOptions? options = null, CancellationToken cancellationToken = default) =>
        AddAsync(proxy, ToxicTypes.ResetPeer, options, cancellationToken, ("timeout", Milliseconds(timeout)));

    /// <summary>Adds a <c>slicer</c> toxic: data is cut into pieces of about <paramref name="averageSize"/> bytes, <paramref name="delay"/> apart.</summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="averageSize">The average piece size in bytes.</param>
    /// <param name="sizeVariation">The variation in bytes either way (less than the average).</param>
    /// <param name="delay">The pause between pieces (whole microseconds).</param>
    /// <param name="options">Name, stream and toxicity; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic.</returns>
    public Task<ToxicInfo> AddSlicerAsync(string proxy, int averageSize, int sizeVariation, TimeSpan delay, ToxicOptions? options = null, CancellationToken cancellationToken = default) =>
        AddAsync(proxy, ToxicTypes.Slicer, options, cancellationToken, ("average_size", averageSize), ("size_variation", sizeVariation), ("delay", (long)delay.TotalMicroseconds));

    /// <summary>Adds a <c>limit_data</c> toxic: the connection is closed once <paramref name="bytes"/> bytes have passed.</summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="bytes">The number of bytes let through.</param>
    /// <param name="options">Name, stream and toxicity; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic.</returns>
    public Task<ToxicInfo> AddLimitDataAsync(string proxy, long bytes, ToxicOptions? options = null, CancellationToken cancellationToken = default) =>
        AddAsync(proxy, ToxicTypes.LimitData, options, cancellationToken, ("bytes", bytes));

    /// <summary>
    /// Adds a <c>blackhole</c> toxic (extension of <see cref="ToxiproxyServer"/>): nothing passes either way but
    /// connections stay open, as with an unplugged cable; held data flows once it is removed.
    /// </summary>
    /// <param name="proxy">The proxy's name.</param>
    /// <param name="options">Name and toxicity (the stream does not matter); null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The toxic.</returns>
    public Task<ToxicInfo> AddBlackholeAsync(string proxy, ToxicOptions? options = null, CancellationToken cancellationToken = default) =>
        AddAsync(proxy, ToxicTypes.Blackhole, options, cancellationToken);

    /// <summary>
    /// <c>POST /x/partition</c>: puts one toxic (default: a <c>blackhole</c> named <c>partition</c>) on every listed
    /// proxy in one atomic step, replacing a toxic of the same name. Against a server without the extension (the
    /// real Toxiproxy) it adds the toxic proxy by proxy instead, a blackhole becoming a <c>timeout</c> of 0 in each
    /// direction; that fallback is not atomic.
    /// </summary>
    /// <param name="proxies">The proxies to cut.</param>
    /// <param name="toxic">The toxic; null for a blackhole named <c>partition</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxies after the change.</returns>
    /// <exception cref="ToxiproxyException">404 if a proxy does not exist (then nothing changed).</exception>
    public async Task<IReadOnlyList<ProxyInfo>> PartitionAsync(IEnumerable<string> proxies, ToxicSpec? toxic = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(proxies);
        var names = proxies.ToList();
        var spec = toxic ?? new ToxicSpec(ToxicTypes.Blackhole);
        var name = spec.Name ?? "partition";
        var body = new Dictionary<string, object> { ["proxies"] = names, ["toxic"] = spec with { Name = name } };
        var response = await TrySendExtensionAsync<ProxyListResponse>("x/partition", body, cancellationToken);
        if (response is not null)
        {
            return response.Proxies ?? [];
        }

        var result = new List<ProxyInfo>();
        foreach (var proxy in names)
        {
            if (string.Equals(spec.Type, ToxicTypes.Blackhole, StringComparison.Ordinal))
            {
                var hold = new ToxicSpec(ToxicTypes.Timeout) { Toxicity = spec.Toxicity, Attributes = new Dictionary<string, long> { ["timeout"] = 0 } };
                await AddOrUpdateAsync(proxy, hold with { Name = name, Stream = ToxicDirection.Downstream }, cancellationToken);
                await AddOrUpdateAsync(proxy, hold with { Name = name + "_upstream", Stream = ToxicDirection.Upstream }, cancellationToken);
            }
            else
            {
                await AddOrUpdateAsync(proxy, spec with { Name = name }, cancellationToken);
            }

            result.Add(await GetProxyAsync(proxy, cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// <c>POST /x/heal</c>: removes the named toxic from every listed proxy (all proxies when null) in one atomic
    /// step; proxies without it are left alone. Falls back to one request per proxy where the extension is missing.
    /// </summary>
    /// <param name="proxies">The proxies to heal, or null for all.</param>
    /// <param name="toxicName">The toxic's name (default <c>partition</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The proxies after the change.</returns>
    public async Task<IReadOnlyList<ProxyInfo>> HealAsync(IEnumerable<string>? proxies = null, string toxicName = "partition", CancellationToken cancellationToken = default)
    {
        var names = proxies?.ToList();
        var body = new Dictionary<string, object> { ["toxic"] = toxicName };
        if (names is not null)
        {
            body["proxies"] = names;
        }

        var response = await TrySendExtensionAsync<ProxyListResponse>("x/heal", body, cancellationToken);
        if (response is not null)
        {
            return response.Proxies ?? [];
        }

        names ??= [.. (await GetProxiesAsync(cancellationToken)).Keys];
        var result = new List<ProxyInfo>();
        foreach (var proxy in names)
        {
            foreach (var toxic in new[] { toxicName, toxicName + "_upstream" })
            {
                try
                {
                    await RemoveToxicAsync(proxy, toxic, cancellationToken);
                }
                catch (ToxiproxyException ex) when (ex.StatusCode == HttpStatusCode.NotFound && !ex.Message.StartsWith("proxy", StringComparison.Ordinal))
                {
                    // Not there: nothing to heal.
                }
            }

            result.Add(await GetProxyAsync(proxy, cancellationToken));
        }

        return result;
    }

    /// <summary><c>GET /metrics</c>: the Prometheus text exposition.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The metrics text.</returns>
    public Task<string> GetMetricsAsync(CancellationToken cancellationToken = default) =>
        SendForTextAsync(HttpMethod.Get, "metrics", null, cancellationToken);

    /// <summary>Disposes the HTTP client if this client created it.</summary>
    public void Dispose()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }
    }

    private Task<ToxicInfo> AddAsync(string proxy, string type, ToxicOptions? options, CancellationToken cancellationToken, params (string Name, long Value)[] attributes)
    {
        options ??= new ToxicOptions();
        var spec = new ToxicSpec(type)
        {
            Name = options.Name,
            Stream = options.Stream,
            Toxicity = options.Toxicity,
            Attributes = attributes.ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal),
        };
        return AddToxicAsync(proxy, spec, cancellationToken);
    }

    private async Task AddOrUpdateAsync(string proxy, ToxicSpec spec, CancellationToken cancellationToken)
    {
        try
        {
            await AddToxicAsync(proxy, spec, cancellationToken);
        }
        catch (ToxiproxyException ex) when (ex.StatusCode == HttpStatusCode.Conflict)
        {
            await UpdateToxicAsync(proxy, spec.Name!, spec.Attributes, spec.Toxicity, cancellationToken);
        }
    }

    private static long Milliseconds(TimeSpan value) => (long)value.TotalMilliseconds;

    private static string ProxyPath(string name) => "proxies/" + Uri.EscapeDataString(name);

    private static string ToxicPath(string proxy, string toxic) => ProxyPath(proxy) + "/toxics/" + Uri.EscapeDataString(toxic);

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadJsonAsync<T>(response, cancellationToken);
    }

    private async Task<string> SendForTextAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendRawAsync(method, path, body, cancellationToken);
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>PATCH, falling back to POST on servers that predate PATCH (405).</summary>
    private async Task<T> SendUpdateAsync<T>(string path, object body, CancellationToken cancellationToken)
    {
        using (var response = await SendRawAsync(HttpMethod.Patch, path, body, cancellationToken))
        {
            if (response.StatusCode != HttpStatusCode.MethodNotAllowed)
            {
                await EnsureSuccessAsync(response, cancellationToken);
                return await ReadJsonAsync<T>(response, cancellationToken);
            }
        }

        return await SendAsync<T>(HttpMethod.Post, path, body, cancellationToken);
    }

    /// <summary>Calls an extension endpoint; null when the server does not have it (404 or 405 without an API error body).</summary>
    private async Task<T?> TrySendExtensionAsync<T>(string path, object body, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendRawAsync(HttpMethod.Post, path, body, cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (ParseErrorMessage(text) is null)
            {
                return null;
            }

            throw Error(response.StatusCode, text, response.ReasonPhrase);
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return await ReadJsonAsync<T>(response, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, path));
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: JsonOptions);
        }
        else if (method == HttpMethod.Post)
        {
            request.Content = new StringContent("", Encoding.UTF8, "application/json");
        }

        return await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        await using (stream)
        {
            try
            {
                return await JsonSerializer.DeserializeAsync<T>(stream, JsonOptions, cancellationToken)
                    ?? throw new ToxiproxyException(response.StatusCode, "The Toxiproxy API answered null.");
            }
            catch (JsonException ex)
            {
                throw new ToxiproxyException($"The Toxiproxy API answered JSON this client cannot read: {ex.Message}", ex);
            }
        }
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        throw Error(response.StatusCode, text, response.ReasonPhrase);
    }

    private static ToxiproxyException Error(HttpStatusCode status, string body, string? reason)
    {
        var message = ParseErrorMessage(body);
        if (string.IsNullOrWhiteSpace(message))
        {
            message = string.IsNullOrWhiteSpace(body)
                ? string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)status} {reason}").Trim()
                : body.Trim();
        }

        return new ToxiproxyException(status, message);
    }

    /// <summary>The message of an API error body: <c>{"error": ...}</c> (2.1+) or <c>{"title": ...}</c> (older).</summary>
    private static string? ParseErrorMessage(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var field in (ReadOnlySpan<string>)["error", "title"])
            {
                if (document.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON.
        }

        return null;
    }

    private sealed record ProxyListResponse
    {
        [JsonPropertyName("proxies")]
        public List<ProxyInfo>? Proxies { get; init; }
    }
}
