using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Simulator.AppHost.Integrations.Health;

/// <summary>
/// A health check that, while its resource is not healthy, keeps asking for a while before it answers unhealthy, so a
/// resource is seen healthy within <see cref="Poll"/> of becoming so. Aspire checks an unhealthy resource 1, 2, 3, 4,
/// then every 5 s apart: alone, a resource ready after 6.5 s would be seen at 10 s, and every resource waiting for it
/// would start 3.5 s late; along a topology's start chain (etcd, PostgreSQL, its replicas, the router, Odoo, the
/// ingress) those waits added up to about a quarter of a standup. A healthy resource that fails is reported at once.
/// </summary>
public sealed class ReadinessHealthCheck : IHealthCheck
{
    /// <summary>How often the wrapped check is asked while the resource is not healthy.</summary>
    public static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one check keeps asking before it answers unhealthy.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Func<CancellationToken, Task<HealthCheckResult>> _check;
    private readonly TimeProvider _time;
    private readonly TimeSpan _poll;
    private readonly TimeSpan _patience;
    private volatile bool _healthy;

    /// <summary>Wraps <paramref name="check"/>; <paramref name="poll"/> and <paramref name="patience"/> default to <see cref="Poll"/> and <see cref="Patience"/>.</summary>
    public ReadinessHealthCheck(Func<CancellationToken, Task<HealthCheckResult>> check, TimeProvider time, TimeSpan? poll = null, TimeSpan? patience = null)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(time);
        _check = check;
        _time = time;
        _poll = poll ?? Poll;
        _patience = patience ?? Patience;
    }

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = await _check(cancellationToken);
        if (result.Status != HealthStatus.Healthy && !_healthy)
        {
            var started = _time.GetTimestamp();
            while (result.Status != HealthStatus.Healthy && _time.GetElapsedTime(started) < _patience)
            {
                await Task.Delay(_poll, _time, cancellationToken);
                result = await _check(cancellationToken);
            }
        }

        _healthy = result.Status == HealthStatus.Healthy;
        return result;
    }
}
