using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Simulator.Chaos.Proxy;
using Simulator.Chaos.Proxy.Api;

namespace Simulator.Chaos;

/// <summary>
/// A Toxiproxy-compatible fault proxy running in-process: the Toxiproxy HTTP API on Kestrel, and TCP proxies
/// whose connections pass through chains of toxics (latency, bandwidth, timeouts, resets, ...).
/// </summary>
/// <remarks>
/// Start it with <see cref="StartAsync(ToxiproxyServerOptions?, CancellationToken)"/> and drive it over HTTP,
/// e.g. with <see cref="ToxiproxyClient"/>; the same client drives the real Toxiproxy. Disposing it stops the
/// API and every proxy, closing their connections.
/// </remarks>
public sealed class ToxiproxyServer : IAsyncDisposable
{
    /// <summary>The Toxiproxy API version this server speaks, reported by <c>GET /version</c>.</summary>
    public const string Version = "2.12.0+simulator";

    /// <summary>
    /// The meter the server publishes its proxies' bytes, connections and toxics on, for <c>AddMeter</c>:
    /// <c>sim.proxy.bytes</c>, <c>sim.proxy.connections.active</c>, <c>.accepted</c>, <c>.cut</c> and
    /// <c>sim.proxy.toxics.active</c>, tagged <c>sim.proxy</c> (the proxy's name).
    /// </summary>
    public const string MeterName = "Simulator.Chaos.Proxy";

    private readonly WebApplication _app;
    private readonly ProxyRegistry _registry;
    private readonly ProxyMetrics _metrics;
    private int _disposed;

    private ToxiproxyServer(WebApplication app, ProxyRegistry registry, IPAddress address, int port)
    {
        _app = app;
        _registry = registry;
        _metrics = new ProxyMetrics(registry);
        Port = port;

        // A wildcard bind is reached through loopback.
        var reachable = address.Equals(IPAddress.Any) ? IPAddress.Loopback
            : address.Equals(IPAddress.IPv6Any) ? IPAddress.IPv6Loopback
            : address;
        var uriHost = reachable.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{reachable}]" : reachable.ToString();
        BaseAddress = new Uri($"http://{uriHost}:{port}/");
    }

    /// <summary>The port the API listens on (the real one when started with port 0).</summary>
    public int Port { get; }

    /// <summary>The API's base address, e.g. <c>http://127.0.0.1:8474/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Starts a server on <paramref name="host"/>:<paramref name="port"/> (port 0 picks a free one).</summary>
    /// <param name="host">The address to bind, e.g. <c>127.0.0.1</c>.</param>
    /// <param name="port">The port, or 0 for a free one.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static Task<ToxiproxyServer> StartAsync(string host, int port, CancellationToken cancellationToken = default) =>
        StartAsync(new ToxiproxyServerOptions { Host = host, Port = port }, cancellationToken);

    /// <summary>Starts a server with <paramref name="options"/> (defaults: 127.0.0.1:8474, extensions on).</summary>
    /// <param name="options">Where and how to run; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    /// <exception cref="IOException">The API's address could not be bound (e.g. the port is taken).</exception>
    public static async Task<ToxiproxyServer> StartAsync(ToxiproxyServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new ToxiproxyServerOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        var address = ResolveHost(options.Host);
        var loggerFactory = options.LoggerFactory ?? NullLoggerFactory.Instance;
        var registry = new ProxyRegistry(loggerFactory.CreateLogger("Simulator.Chaos.Toxiproxy"), options.EnableExtensions, options.ZeroCopy);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ToxiproxyServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        if (options.LoggerFactory is not null)
        {
            builder.Services.AddSingleton(options.LoggerFactory);
        }

        // The embedding process owns Ctrl+C and SIGTERM, not this server.
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(address, options.Port);
        });

        var app = builder.Build();
        app.Use(ApiEndpoints.StopBrowsers);
        new ApiEndpoints(registry).Map(app);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            registry.Dispose();
            await app.DisposeAsync();
            throw;
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var port = bound is not null ? new Uri(bound).Port : options.Port;
        return new ToxiproxyServer(app, registry, address, port);
    }

    /// <summary>A client for this server's API.</summary>
    /// <returns>A new client; dispose it when done.</returns>
    public ToxiproxyClient CreateClient() => new(BaseAddress);

    /// <summary>
    /// Creates or replaces proxies from a JSON array of <c>{name, listen, upstream, enabled}</c>, with the
    /// semantics of <c>POST /populate</c> (what <c>toxiproxy-server -config</c> does at start).
    /// </summary>
    /// <param name="json">The JSON array.</param>
    /// <returns>The proxies, as the API reports them.</returns>
    /// <exception cref="ToxiproxyException">The JSON is invalid or a proxy cannot listen.</exception>
    public IReadOnlyList<ProxyInfo> Populate(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return [.. _registry.Populate(document.RootElement).Select(p => p.Name).Select(GetProxy)];
        }
        catch (JsonException ex)
        {
            throw new ToxiproxyException(HttpStatusCode.BadRequest, "bad request body: " + ex.Message);
        }
        catch (ApiException ex)
        {
            throw new ToxiproxyException((HttpStatusCode)ex.Status, ex.Message);
        }
    }

    private ProxyInfo GetProxy(string name)
    {
        var proxy = _registry.Get(name);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            ApiJson.WriteProxy(writer, proxy);
        }

        return JsonSerializer.Deserialize<ProxyInfo>(buffer.WrittenSpan)!;
    }

    /// <summary>Stops the API and every proxy, closing all proxied connections.</summary>
    /// <returns>A task that completes once stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _metrics.Dispose();
        _registry.Dispose();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }

    private static IPAddress ResolveHost(string host)
    {
        if (string.IsNullOrEmpty(host) || string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return address;
        }

        var addresses = Dns.GetHostAddresses(host);
        return Array.Find(addresses, a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"No address for host '{host}'.", nameof(host));
    }

    private sealed class EmbeddedLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
