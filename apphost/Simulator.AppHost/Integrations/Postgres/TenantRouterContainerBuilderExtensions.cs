using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Integrations.Health;

namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>Adds the tenant router (PgBouncer) of a containers tenant topology.</summary>
public static class TenantRouterContainerBuilderExtensions
{
    /// <summary>Folder of the router's Dockerfile and entrypoint, next to the simulator's binaries.</summary>
    public static string BuildContext => Path.Combine(AppContext.BaseDirectory, "Integrations", "Postgres", "pgbouncer-container");

    /// <summary>
    /// Adds PgBouncer built from <c>pgbouncer-container/Dockerfile</c> on <paramref name="postgresImage"/>, sending each
    /// of <paramref name="routes"/> to its server as the Odoo role of <paramref name="secrets"/>. Healthy once a login
    /// through it to the first route's database answers <c>SELECT 1</c>: the router is up, the server is, and the
    /// database has been created.
    /// </summary>
    public static IResourceBuilder<TenantRouterContainerResource> AddTenantRouterContainer(
        this IDistributedApplicationBuilder builder,
        string name,
        ContainerImage postgresImage,
        IReadOnlyList<TenantPlacement> routes,
        PatroniContainerSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(postgresImage);
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(secrets);
        var router = builder.AddResource(new TenantRouterContainerResource(name))
            .WithPinnedImage(postgresImage)
            .WithDockerfile(BuildContext)
            .WithBuildArg("POSTGRES_IMAGE", postgresImage.Reference)
            .WithLoopbackEndpoint(TenantRouterContainerResource.EndpointName, TenantRouterContainerResource.Port)
            .WithGeneratedFile(TenantRouterConfig.ConfigDirectory, TenantRouterConfig.ConfigFile, TenantRouterConfig.Render(routes))
            .WithEnvironment("SIM_ODOO_DB_USER", secrets.OdooUser)
            .WithEnvironment("SIM_ODOO_DB_PASSWORD", secrets.OdooPassword)
            .WithIconName("ArrowRouting");
        var endpoint = router.Resource.Endpoint;
        var database = routes[0].Database;
        return router.WithReadinessCheck("login", async ct =>
        {
            var connection = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = endpoint.Port,
                Username = secrets.OdooUser,
                Password = secrets.OdooPassword,
                Database = database,
                Timeout = 2,
                Pooling = false,
            };
            try
            {
                await using var session = new NpgsqlConnection(connection.ConnectionString);
                await session.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT 1", session);
                await command.ExecuteScalarAsync(ct);
                return HealthCheckResult.Healthy();
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !ct.IsCancellationRequested)
            {
                return HealthCheckResult.Unhealthy($"login to {database} through {name}: {ex.Message}");
            }
        });
    }
}
