using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Simulator.Load.Tests.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1, port chosen by the OS: <c>/ok</c> answers "hello" (200), <c>/status/{code}</c>
/// answers that status, <c>/echo</c> echoes the body with the request's <c>X-Test</c> and <c>Content-Type</c>
/// headers, <c>/hang</c> never answers until the client gives up.
/// </summary>
internal sealed class TinyServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TinyServer(WebApplication app, Uri url, Counter counter)
    {
        _app = app;
        Url = url;
        _counter = counter;
    }

    public Uri Url { get; }

    /// <summary>Requests answered so far.</summary>
    public int Requests => _counter.Value;

    private readonly Counter _counter = new();

    private sealed class Counter
    {
        public int Value;
    }

    public static async Task<TinyServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.Urls.Add("http://127.0.0.1:0");
        var counter = new Counter();
        app.Use((context, next) =>
        {
            Interlocked.Increment(ref counter.Value);
            return next(context);
        });
        app.MapGet("/ok", () => Results.Text("hello"));
        app.MapGet("/status/{code:int}", (int code) => Results.StatusCode(code));
        app.MapPost("/echo", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            string body = await reader.ReadToEndAsync(context.RequestAborted);
            context.Response.Headers["X-Test"] = context.Request.Headers["X-Test"];
            return Results.Text($"{context.Request.ContentType}|{context.Request.Headers["X-Test"]}|{body}");
        });
        app.MapGet("/hang", async (HttpContext context) =>
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
            return Results.Ok();
        });
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TinyServer(app, new Uri(address), counter);
    }

    public Uri At(string path) => new(Url, path);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    /// <summary>A port nothing listens on (bound, read, released).</summary>
    public static int ClosedPort()
    {
        using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        int port = ((IPEndPoint)socket.LocalEndpoint).Port;
        socket.Stop();
        return port;
    }
}
