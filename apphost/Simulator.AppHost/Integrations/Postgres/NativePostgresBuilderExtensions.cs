using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Simulator.AppHost.Integrations.Health;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>Adds PostgreSQL nodes of the native runtime (Debian's <c>postgresql</c>).</summary>
public static class NativePostgresBuilderExtensions
{
    /// <summary>
    /// Adds a primary: initialised in the run folder with <paramref name="database"/> created and
    /// replication allowed from loopback. Healthy once it accepts connections and is not in recovery.
    /// </summary>
    public static IResourceBuilder<NativePostgresResource> AddNativePostgresPrimary(
        this IDistributedApplicationBuilder builder, string name, RunDirectory run, string database, string password)
        => builder.AddNativePostgresPrimary(name, run, [database], password);

    /// <summary>
    /// Adds a primary holding several databases (tenants sharing one server), <paramref name="databases"/>[0] being
    /// its <see cref="NativePostgresResource.Database"/>; otherwise as the single-database form.
    /// </summary>
    public static IResourceBuilder<NativePostgresResource> AddNativePostgresPrimary(
        this IDistributedApplicationBuilder builder, string name, RunDirectory run, IReadOnlyList<string> databases, string password)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentOutOfRangeException.ThrowIfZero(databases.Count);
        return builder.AddNode(name, run, PostgresRole.Primary, databases[0], password, roleArgument: string.Join(',', databases), databases);
    }

    /// <summary>
    /// Adds a streaming replica of <paramref name="primary"/>, cloned with <c>pg_basebackup</c> once the
    /// primary is healthy, reaching it at <paramref name="primaryVia"/> (the primary's own endpoint when null,
    /// a fault-proxy link for a replica in another region). Healthy once it accepts read-only connections in
    /// recovery.
    /// </summary>
    public static IResourceBuilder<NativePostgresResource> AddNativePostgresReplica(
        this IDistributedApplicationBuilder builder,
        string name,
        RunDirectory run,
        IResourceBuilder<NativePostgresResource> primary,
        EndpointReference? primaryVia = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(primary);
        var source = primary.Resource;
        var via = primaryVia ?? source.Endpoint;
        return builder
            .AddNode(name, run, PostgresRole.Replica, source.Database, source.Password, via.Property(EndpointProperty.Port), source: source)
            .WithParentRelationship(primary)
            .WaitFor(primary)
            .WaitForServerOf(via);
    }

    private static IResourceBuilder<NativePostgresResource> AddNode(
        this IDistributedApplicationBuilder builder,
        string name,
        RunDirectory run,
        PostgresRole role,
        string database,
        string password,
        object roleArgument,
        IReadOnlyList<string>? databases = null,
        NativePostgresResource? source = null)
    {
        var passwordFile = run.WriteSecret($"{name}.pwfile", password);
        var dataDirectory = run.PathOf(name);
        var (command, prefix) = NativeUser.AsDatabaseUser("bash");
        var resource = new NativePostgresResource(name, command, run.Folder, role, dataDirectory, database, password) { Databases = databases ?? [database], Source = source };


        return builder.AddResource(resource)
            .WithEndpoint(NativePostgresResource.EndpointName, e =>
            {
                e.UriScheme = "tcp";
                e.IsProxied = false;
            })
            .WithArgs(context =>
            {
                foreach (var arg in prefix)
                {
                    context.Args.Add(arg);
                }

                context.Args.Add(NativeScripts.PathOf("postgres-node.sh"));
                context.Args.Add(role == PostgresRole.Primary ? "primary" : "replica");
                context.Args.Add(dataDirectory);
                context.Args.Add(resource.Endpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add(passwordFile);
                context.Args.Add(roleArgument);
            })
            .WithReadinessCheck("ready", ct => CheckAsync(resource, ct))
            .WithIconName("Database");
    }

    private static async Task<HealthCheckResult> CheckAsync(NativePostgresResource resource, CancellationToken cancellationToken)
    {
        try
        {
            var connectionString = await resource.ConnectionStringExpression.GetValueAsync(cancellationToken);
            await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=3");
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
            var inRecovery = (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
            var expected = resource.Role == PostgresRole.Replica;
            return inRecovery == expected
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy(inRecovery ? "in recovery" : "not in recovery");
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
