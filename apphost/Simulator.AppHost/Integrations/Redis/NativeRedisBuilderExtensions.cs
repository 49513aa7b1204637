using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Simulator.AppHost.Integrations.Health;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Integrations.Redis;

/// <summary>Adds Redis servers of the native runtime.</summary>
public static class NativeRedisBuilderExtensions
{
    /// <summary>Adds a Redis server on loopback, healthy once it answers <c>PING</c>.</summary>
    public static IResourceBuilder<NativeRedisResource> AddNativeRedis(
        this IDistributedApplicationBuilder builder, string name, RunDirectory run)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        var directory = run.PathOf(name);
        Directory.CreateDirectory(directory);
        var resource = new NativeRedisResource(name, directory);

        return builder.AddResource(resource)
            .WithEndpoint(NativeRedisResource.EndpointName, e =>
            {
                e.UriScheme = "tcp";
                e.IsProxied = false;
            })
            .WithArgs(context =>
            {
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--port");
                context.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
                // Sessions are disposable in a simulation: no RDB snapshots, no AOF.
                context.Args.Add("--save");
                context.Args.Add(string.Empty);
                context.Args.Add("--appendonly");
                context.Args.Add("no");
                context.Args.Add("--dir");
                context.Args.Add(directory);
            })
            .WithReadinessCheck("ping", ct => PingAsync(resource, ct))
            .WithIconName("Memory");
    }

    private static async Task<HealthCheckResult> PingAsync(NativeRedisResource resource, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", resource.Endpoint.Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            var reply = Encoding.ASCII.GetString(buffer, 0, read);
            return reply.StartsWith("+PONG", StringComparison.Ordinal)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"unexpected reply {reply.Trim()}");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
