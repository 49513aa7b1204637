using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Simulator.Chaos.Proxy.Api;

/// <summary>The Toxiproxy HTTP API (and this project's <c>/x/</c> extensions) over a <see cref="ProxyRegistry"/>.</summary>
internal sealed class ApiEndpoints(ProxyRegistry registry)
{
    private const string JsonContentType = "application/json";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/reset", ctx => Run(ctx, StatusCodes.Status204NoContent, _ => { registry.Reset(); return null; }));
        app.MapGet("/proxies", ctx => Run(ctx, StatusCodes.Status200OK, _ => WriteProxyMap));
        app.MapPost("/proxies", ctx => RunWithBody(ctx, StatusCodes.Status201Created, body =>
        {
            var proxy = registry.Create(body);
            return w => ApiJson.WriteProxy(w, proxy);
        }));
        app.MapPost("/populate", Populate);
        app.MapGet("/proxies/{proxy}", ctx => Run(ctx, StatusCodes.Status200OK, _ =>
        {
            var proxy = registry.Get(Route(ctx, "proxy"));
            return w => ApiJson.WriteProxy(w, proxy);
        }));
        app.MapMethods("/proxies/{proxy}", [HttpMethods.Post, HttpMethods.Patch], ctx => RunWithBody(ctx, StatusCodes.Status200OK, body =>
        {
            var proxy = registry.Update(Route(ctx, "proxy"), body);
            return w => ApiJson.WriteProxy(w, proxy);
        }));
        app.MapDelete("/proxies/{proxy}", ctx => Run(ctx, StatusCodes.Status204NoContent, _ =>
        {
            registry.Delete(Route(ctx, "proxy"));
            return null;
        }));
        app.MapGet("/proxies/{proxy}/toxics", ctx => Run(ctx, StatusCodes.Status200OK, _ =>
        {
            var toxics = registry.Get(Route(ctx, "proxy")).Toxics;
            return w => ApiJson.WriteToxics(w, toxics);
        }));

        // Toxiproxy answers 200 (not 201) to a toxic's creation; clients accept any 2xx.
        app.MapPost("/proxies/{proxy}/toxics", ctx => RunWithBody(ctx, StatusCodes.Status200OK, body =>
        {
            var toxic = registry.AddToxic(Route(ctx, "proxy"), body);
            return w => ApiJson.WriteToxic(w, toxic);
        }));
        app.MapGet("/proxies/{proxy}/toxics/{toxic}", ctx => Run(ctx, StatusCodes.Status200OK, _ =>
        {
            var toxic = registry.GetToxic(Route(ctx, "proxy"), Route(ctx, "toxic"));
            return w => ApiJson.WriteToxic(w, toxic);
        }));
        app.MapMethods("/proxies/{proxy}/toxics/{toxic}", [HttpMethods.Post, HttpMethods.Patch], ctx => RunWithBody(ctx, StatusCodes.Status200OK, body =>
        {
            var toxic = registry.UpdateToxic(Route(ctx, "proxy"), Route(ctx, "toxic"), body);
            return w => ApiJson.WriteToxic(w, toxic);
        }));
        app.MapDelete("/proxies/{proxy}/toxics/{toxic}", ctx => Run(ctx, StatusCodes.Status204NoContent, _ =>
        {
            registry.RemoveToxic(Route(ctx, "proxy"), Route(ctx, "toxic"));
            return null;
        }));
        app.MapGet("/version", Version);
        app.MapGet("/metrics", Metrics);

        if (registry.Extensions)
        {
            app.MapPost("/x/partition", ctx => RunWithBody(ctx, StatusCodes.Status200OK, body =>
            {
                var proxies = registry.Partition(body);
                return w => WriteProxyList(w, proxies);
            }));
            app.MapPost("/x/heal", ctx => RunWithBody(ctx, StatusCodes.Status200OK, body =>
            {
                var proxies = registry.Heal(body);
                return w => WriteProxyList(w, proxies);
            }));
        }
    }

    /// <summary>Refuses browsers, as Toxiproxy does, so a web page cannot drive the API.</summary>
    public static async Task StopBrowsers(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Headers.UserAgent.ToString().StartsWith("Mozilla/", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("User agent not allowed\n", context.RequestAborted);
            return;
        }

        await next(context);
    }

    private void WriteProxyMap(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        foreach (var proxy in registry.List())
        {
            writer.WritePropertyName(proxy.Name);
            ApiJson.WriteProxy(writer, proxy);
        }

        writer.WriteEndObject();
    }

    private static void WriteProxyList(Utf8JsonWriter writer, IReadOnlyList<ProxyRuntime> proxies)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("proxies");
        foreach (var proxy in proxies)
        {
            ApiJson.WriteProxy(writer, proxy);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private async Task Populate(HttpContext context)
    {
        using var body = await ReadBodyAsync(context);
        if (body.Error is { } error)
        {
            await WritePopulateAsync(context, error, []);
            return;
        }

        try
        {
            var proxies = registry.Populate(body.Document!.RootElement);
            await WritePopulateAsync(context, null, proxies);
        }
        catch (ApiException ex)
        {
            await WritePopulateAsync(context, ex, []);
        }
    }

    /// <summary>Populate answers <c>{"proxies": [...]}</c> with 201, or adds <c>error</c> and <c>status</c> on failure.</summary>
    private static Task WritePopulateAsync(HttpContext context, ApiException? error, IReadOnlyList<ProxyRuntime> proxies) =>
        WriteJsonAsync(context, error?.Status ?? StatusCodes.Status201Created, writer =>
        {
            writer.WriteStartObject();
            if (error is not null)
            {
                writer.WriteString("error", error.Message);
                writer.WriteNumber("status", error.Status);
            }

            writer.WriteStartArray("proxies");
            foreach (var proxy in proxies)
            {
                ApiJson.WriteProxy(writer, proxy);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });

    private static Task Version(HttpContext context)
    {
        context.Response.ContentType = "application/json;charset=utf-8";
        return context.Response.WriteAsync($"{{\"version\": \"{ToxiproxyServer.Version}\"}}\n", context.RequestAborted);
    }

    private Task Metrics(HttpContext context)
    {
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        return context.Response.WriteAsync(ApiJson.Metrics(registry.List()), context.RequestAborted);
    }

    private static string Route(HttpContext context, string name) => context.Request.RouteValues[name] as string ?? "";

    private static async Task Run(HttpContext context, int status, Func<JsonElement, Action<Utf8JsonWriter>?> handler)
    {
        Action<Utf8JsonWriter>? write;
        try
        {
            write = handler(default);
        }
        catch (ApiException ex)
        {
            await WriteErrorAsync(context, ex);
            return;
        }

        await WriteResultAsync(context, status, write);
    }

    private static async Task RunWithBody(HttpContext context, int status, Func<JsonElement, Action<Utf8JsonWriter>?> handler)
    {
        using var body = await ReadBodyAsync(context);
        Action<Utf8JsonWriter>? write;
        try
        {
            if (body.Error is { } error)
            {
                throw error;
            }

            write = handler(body.Document!.RootElement);
        }
        catch (ApiException ex)
        {
            await WriteErrorAsync(context, ex);
            return;
        }

        await WriteResultAsync(context, status, write);
    }

    private static Task WriteResultAsync(HttpContext context, int status, Action<Utf8JsonWriter>? write)
    {
        if (write is null)
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        return WriteJsonAsync(context, status, write);
    }

    private static Task WriteErrorAsync(HttpContext context, ApiException error) =>
        WriteJsonAsync(context, error.Status, w => ApiJson.WriteError(w, error.Message, error.Status));

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = JsonContentType;
        context.Response.ContentLength = buffer.WrittenCount;
        await context.Response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    private static async Task<Body> ReadBodyAsync(HttpContext context)
    {
        try
        {
            var document = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted);
            return new Body(document, null);
        }
        catch (JsonException ex)
        {
            return new Body(null, ApiException.BadRequest(ex.Message));
        }
    }

    private sealed record Body(JsonDocument? Document, ApiException? Error) : IDisposable
    {
        public void Dispose() => Document?.Dispose();
    }
}
