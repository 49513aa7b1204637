using Npgsql;
using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Diagnostics;
using Simulator.OdooEmulator.Tenants;

namespace Simulator.OdooEmulator.Web;

/// <summary>
/// Answers "can the emulator reach its databases now?" (every tenant's) within a bounded time, on each tenant's
/// health pool: a node whose requests hold every connection of the request pool still answers at once. A failure
/// clears that pool and tries once more on a fresh connection, so a pooled connection that died while the database
/// restarted does not report a healthy database as down.
/// </summary>
internal sealed class DatabaseHealthProbe(
    TenantDatabases tenants,
    OdooEmulatorOptions options,
    TimeProvider timeProvider,
    EmulatorMetrics metrics)
{
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        var reachable = await Task.WhenAll(tenants.All.Select(tenant => IsReachableAsync(tenant.Health, cancellationToken)));
        return reachable.All(ok => ok);
    }

    private async Task<bool> IsReachableAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= 2; attempt++)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(options.HealthTimeoutMs), timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(linked.Token);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(linked.Token);
                return true;
            }
            catch (Exception ex) when (PostgresErrors.IsConnectionFailure(ex)
                || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                dataSource.Clear();
                metrics.PoolCleared();
            }
        }

        return false;
    }
}
