using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Database;

namespace Simulator.OdooEmulator.Tenants;

/// <summary>
/// Creates the schema and demo data in every tenant database before the node serves, all at once: tenants on
/// different servers do not wait for each other's server to come up.
/// </summary>
internal sealed class TenantSchemaInitializer(
    TenantDatabases tenants,
    OdooEmulatorOptions options,
    TimeProvider timeProvider,
    ILogger<SchemaInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(tenants.All.Select(tenant =>
            new SchemaInitializer(tenant.Primary, options, timeProvider, logger).StartAsync(cancellationToken)));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
