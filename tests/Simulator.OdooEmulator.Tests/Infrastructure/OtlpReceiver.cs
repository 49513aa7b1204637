using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>
/// The receiving end of OTLP over HTTP (what the Aspire dashboard listens with): keeps every request body by
/// path (<c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>) so tests can look for names and ids in them.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Path, byte[] Body)> _received = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    public Uri Endpoint { get; private set; } = null!;

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/{signal}", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            receiver._received.Enqueue((context.Request.Path.Value!, body.ToArray()));
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    /// <summary>Waits until some body posted to <paramref name="path"/> contains every one of <paramref name="needles"/>.</summary>
    public async Task<bool> WaitForAsync(string path, TimeSpan timeout, params byte[][] needles)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_received.Any(r => r.Path == path && needles.All(n => r.Body.AsSpan().IndexOf(n) >= 0)))
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>The paths posted to so far.</summary>
    public IReadOnlyList<string> Paths => [.. _received.Select(r => r.Path).Distinct()];

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
