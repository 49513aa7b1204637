using Npgsql;

namespace Simulator.OdooEmulator.Database;

/// <summary>Builds the emulator's Npgsql data sources (its connection pools).</summary>
internal static class OdooDataSourceFactory
{
    /// <summary>
    /// A pool of at most <paramref name="maxConnections"/> connections (Odoo's <c>db_maxconn</c>).
    /// Several hosts with <c>Target Session Attributes=primary</c> make Npgsql find the current
    /// primary after a failover, once the pool is cleared.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString, int maxConnections) =>
        Create(connectionString, maxConnections, $"odoo-emulator-{Environment.ProcessId}");

    /// <summary>
    /// The health probe's own pool (one connection): <c>/web/health?db_server_status=1</c> must answer whether the
    /// database is reachable, not wait behind the requests holding the request pool's connections.
    /// </summary>
    public static NpgsqlDataSource CreateForHealth(string connectionString) =>
        Create(connectionString, 1, $"odoo-emulator-health-{Environment.ProcessId}");

    private static NpgsqlDataSource Create(string connectionString, int maxConnections, string applicationName)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            // Odoo names its sessions odoo-<pid>; this makes emulator sessions easy to spot in pg_stat_activity.
            builder.ConnectionStringBuilder.ApplicationName = applicationName;
        }

        builder.ConnectionStringBuilder.MaxPoolSize = maxConnections;
        builder.ConnectionStringBuilder.MinPoolSize = Math.Min(builder.ConnectionStringBuilder.MinPoolSize, maxConnections);
        return builder.Build();
    }
}
