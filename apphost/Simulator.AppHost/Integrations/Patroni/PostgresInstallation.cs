using System.Globalization;

namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>Where Debian installed PostgreSQL's server programs.</summary>
public static class PostgresInstallation
{
    /// <summary>
    /// The <c>bin</c> folder of the newest installed server version (<c>/usr/lib/postgresql/N/bin</c>), or the one
    /// named by <c>SIM_PG_BIN</c>, as <c>postgres-node.sh</c> chooses it.
    /// </summary>
    public static string BinDirectory()
    {
        if (Environment.GetEnvironmentVariable("SIM_PG_BIN") is { Length: > 0 } chosen)
        {
            return chosen;
        }

        const string root = "/usr/lib/postgresql";
        var newest = Directory.Exists(root)
            ? Directory.EnumerateDirectories(root)
                .Where(d => File.Exists(Path.Combine(d, "bin", "postgres")))
                .Select(d => (Folder: d, Version: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Folder)
                .FirstOrDefault()
            : null;
        return newest is null
            ? throw new InvalidOperationException($"no PostgreSQL server under {root}: install Debian's postgresql package")
            : Path.Combine(newest, "bin");
    }
}
