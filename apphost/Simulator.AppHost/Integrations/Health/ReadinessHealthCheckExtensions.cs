using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Simulator.AppHost.Integrations.Health;

/// <summary>Registers resources' health checks as <see cref="ReadinessHealthCheck"/>s.</summary>
public static class ReadinessHealthCheckExtensions
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
    {
        Timeout = TimeSpan.FromSeconds(2),
    };

    /// <summary>
    /// Makes <paramref name="builder"/>'s health the answer of <paramref name="check"/>, asked as a
    /// <see cref="ReadinessHealthCheck"/> (under the name <c>&lt;resource&gt;-&lt;what&gt;</c>).
    /// </summary>
    public static IResourceBuilder<T> WithReadinessCheck<T>(
        this IResourceBuilder<T> builder, string what, Func<CancellationToken, Task<HealthCheckResult>> check)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(what);
        var name = $"{builder.Resource.Name}-{what}";
        // One instance for the app's life: the factory is called for every check, and the instance remembers health.
        ReadinessHealthCheck? instance = null;
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            name,
            services => LazyInitializer.EnsureInitialized(ref instance, () => new ReadinessHealthCheck(check, services.GetService<TimeProvider>() ?? TimeProvider.System)),
            failureStatus: null,
            tags: null));
        return builder.WithHealthCheck(name);
    }

    /// <summary>
    /// Healthy once <paramref name="path"/> on <paramref name="endpointName"/> answers a success status: Aspire's
    /// <c>WithHttpHealthCheck</c>, asked as a <see cref="ReadinessHealthCheck"/>.
    /// </summary>
    public static IResourceBuilder<T> WithHttpReadinessCheck<T>(this IResourceBuilder<T> builder, string path, string endpointName)
        where T : IResourceWithEndpoints
    {
        ArgumentNullException.ThrowIfNull(builder);
        var endpoint = builder.Resource.GetEndpoint(endpointName);
        return builder.WithReadinessCheck($"{endpointName}-http", async ct =>
        {
            try
            {
                using var response = await Http.GetAsync(new Uri(new Uri(endpoint.Url), path), ct);
                return response.IsSuccessStatusCode
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"GET {path} answered {(int)response.StatusCode}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"GET {path}: {ex.Message}");
            }
        });
    }
}
