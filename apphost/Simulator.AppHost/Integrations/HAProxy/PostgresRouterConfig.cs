using System.Text;

namespace Simulator.AppHost.Integrations.HAProxy;

/// <summary>
/// Renders a PostgreSQL router's HAProxy configuration. As for the HTTP ingress, every address is an environment
/// variable HAProxy resolves when it starts, so the file is written before Aspire allocates the ports.
/// </summary>
public static class PostgresRouterConfig
{
    /// <summary>Environment variable holding the write frontend's port.</summary>
    public const string WritePortVariable = "SIM_PG_WRITE_PORT";

    /// <summary>Environment variable holding the read frontend's port.</summary>
    public const string ReadPortVariable = "SIM_PG_READ_PORT";

    /// <summary>Environment variable holding the monitor's port.</summary>
    public const string MonitorPortVariable = "SIM_PG_MONITOR_PORT";

    /// <summary>
    /// How often each node's Patroni is asked for its role; two failed checks in a row mark it down, one good check
    /// marks it up. Patroni answers from Python over one database connection: checking much faster loads it.
    /// </summary>
    public const string CheckInterval = "1s";

    /// <summary>Environment variable holding the PostgreSQL port of node <paramref name="index"/>, as this region reaches it.</summary>
    public static string PostgresPortVariable(int index) => $"SIM_PG_{index}";

    /// <summary>Environment variable holding the Patroni REST port of node <paramref name="index"/>, as this region reaches it.</summary>
    public static string RestPortVariable(int index) => $"SIM_PATRONI_{index}";

    /// <summary>Patroni's check of a streaming replica.</summary>
    public const string ReplicaCheck = "/replica";

    /// <summary>Patroni's check of any node serving reads: a replica, a primary or a standby cluster's leader.</summary>
    public const string ReadOnlyCheck = "/read-only";

    /// <summary>
    /// Renders the configuration for the given Patroni node names, in order; <paramref name="localIndex"/> is the
    /// region's own node (preferred for reads; the others are backups), or -1 when the region has none;
    /// <paramref name="readCheck"/> is the Patroni endpoint read servers must answer 200 on.
    /// </summary>
    public static string Render(IReadOnlyList<string> nodeNames, int localIndex, string readCheck = ReplicaCheck)
    {
        ArgumentNullException.ThrowIfNull(nodeNames);
        ArgumentOutOfRangeException.ThrowIfLessThan(localIndex, -1);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(localIndex, nodeNames.Count);
        var text = new StringBuilder();
        text.AppendLine($$"""
            global
              maxconn 4096

            defaults
              mode tcp
              timeout connect 2s
              timeout client 30m
              timeout server 30m
              timeout check 2s

            frontend monitor
              mode http
              bind "127.0.0.1:${{{MonitorPortVariable}}}"
              monitor-uri {{HAProxyResource.HealthPath}}
              # Healthy only while a leader is reachable for writes.
              monitor fail if { nbsrv(pg_leader) lt 1 }

            frontend pg_write
              bind "127.0.0.1:${{{WritePortVariable}}}"
              default_backend pg_leader

            frontend pg_read
              bind "127.0.0.1:${{{ReadPortVariable}}}"
              default_backend pg_replicas

            backend pg_leader
              option httpchk OPTIONS /primary
              http-check expect status 200
            """);
        AppendServers(text, nodeNames, localIndex, backups: false);
        text.AppendLine($$"""

            backend pg_replicas
              option httpchk OPTIONS {{readCheck}}
              http-check expect status 200
            """);
        AppendServers(text, nodeNames, localIndex, backups: true);
        return text.ToString();
    }

    private static void AppendServers(StringBuilder text, IReadOnlyList<string> nodeNames, int localIndex, bool backups)
    {
        text.AppendLine($"  default-server inter {CheckInterval} fall 2 rise 1 on-marked-down shutdown-sessions");
        for (var i = 0; i < nodeNames.Count; i++)
        {
            var backup = backups && localIndex >= 0 && i != localIndex ? " backup" : string.Empty;
            text.AppendLine(
                $"  server {nodeNames[i]} \"127.0.0.1:${{{PostgresPortVariable(i)}}}\" check addr 127.0.0.1 port \"${{{RestPortVariable(i)}}}\"{backup}");
        }
    }
}
