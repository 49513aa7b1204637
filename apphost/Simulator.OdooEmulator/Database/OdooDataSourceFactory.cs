using Npgsql;
using Simulator.OdooEmulator.Configuration;

namespace Simulator.OdooEmulator.Database;

/// <summary>Builds the emulator's Npgsql data source (its connection pool).</summary>
internal static class OdooDataSourceFactory
{
    public static NpgsqlDataSource Create(OdooEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new NpgsqlDataSourceBuilder(options.Database);
        if (string.IsNullOrEmpty(builder.ConnectionStringBuilder.ApplicationName))
        {
            // Odoo names its sessions odoo-<pid>; this makes emulator sessions easy to spot in pg_stat_activity.
            builder.ConnectionStringBuilder.ApplicationName = $"odoo-emulator-{Environment.ProcessId}";
        }

        return builder.Build();
    }
}
