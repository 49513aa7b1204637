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
    public static NpgsqlDataSource Create(string connectionString, int maxConnections)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            // Odoo names its sessions odoo-<pid>; this makes emulator sessions easy to spot in pg_stat_activity.
            builder.ConnectionStringBuilder.ApplicationName = $"odoo-emulator-{Environment.ProcessId}";
        }

        builder.ConnectionStringBuilder.MaxPoolSize = maxConnections;
        builder.ConnectionStringBuilder.MinPoolSize = Math.Min(builder.ConnectionStringBuilder.MinPoolSize, maxConnections);
        return builder.Build();
    }
}
