using System.Globalization;
using System.Text;

namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>
/// Renders a node's Patroni configuration (YAML). Addresses are not in it: the file is written before Aspire has
/// allocated the ports, so they come from the environment variables below, which Patroni reads over the file.
/// </summary>
public static class PatroniConfig
{
    /// <summary>The REST API's listen address (<c>127.0.0.1:PORT</c>).</summary>
    public const string RestListenVariable = "PATRONI_RESTAPI_LISTEN";

    /// <summary>The REST API's address as other members and tools reach it.</summary>
    public const string RestConnectVariable = "PATRONI_RESTAPI_CONNECT_ADDRESS";

    /// <summary>PostgreSQL's listen address.</summary>
    public const string PostgresListenVariable = "PATRONI_POSTGRESQL_LISTEN";

    /// <summary>PostgreSQL's address as the other members (replicas, rewinds) reach it.</summary>
    public const string PostgresConnectVariable = "PATRONI_POSTGRESQL_CONNECT_ADDRESS";

    /// <summary>The environment variable holding the DCS hosts (<c>host:port,...</c>) for <paramref name="dcs"/>.</summary>
    public static string DcsHostsVariable(PatroniDcs dcs) => $"PATRONI_{DcsSection(dcs).ToUpperInvariant()}_HOSTS";

    /// <summary>The configuration section of <paramref name="dcs"/>: <c>etcd</c> (v2 API) or <c>etcd3</c>.</summary>
    public static string DcsSection(PatroniDcs dcs) => dcs == PatroniDcs.Etcd3 ? "etcd3" : "etcd";

    /// <summary>
    /// Renders the configuration of one node; with <paramref name="standbySourcePort"/>, of a node of a standby
    /// cluster, which bootstraps by cloning the PostgreSQL at <c>127.0.0.1:port</c> and then follows it (Patroni's
    /// <c>standby_cluster</c>) until that setting is removed from the cluster's configuration.
    /// </summary>
    public static string Render(PatroniNodeSettings node, PatroniClusterOptions options, int? standbySourcePort = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(options);
        var timing = options.Timing;
        var synchronous = options.Replication != PatroniReplication.Async;
        var strict = options.Replication == PatroniReplication.SyncStrict;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $$"""
            scope: {{options.Scope}}
            name: {{node.Name}}
            log:
              level: INFO
            restapi: {}
            {{DcsSection(options.Dcs)}}:
              protocol: http
              # The hosts are fixed (each possibly a fault-proxy link): never replace them by the members' own URLs.
              use_proxies: true
            bootstrap:
              dcs:
                ttl: {{timing.Ttl}}
                loop_wait: {{timing.LoopWait}}
                retry_timeout: {{timing.RetryTimeout}}
                maximum_lag_on_failover: {{options.MaximumLagOnFailover}}
                synchronous_mode: {{Bool(synchronous)}}
                synchronous_mode_strict: {{Bool(strict)}}{{StandbyCluster(standbySourcePort)}}
                postgresql:
                  use_pg_rewind: true
                  use_slots: true
                  parameters:
                    wal_level: replica
                    hot_standby: "on"
                    wal_log_hints: "on"
                    max_connections: 200
                    max_wal_senders: 10
                    max_replication_slots: 10
                    wal_keep_size: 256MB
                    shared_buffers: 64MB
                    # After a failover a replica's first START_REPLICATION can come before the new leader made its
                    # slot; at the default 5 s before the next try, its reads stay stale that long.
                    wal_retrieve_retry_interval: 1s
              initdb:
              - encoding: UTF8
              - locale: C.UTF-8
              - auth-local: peer
              - auth-host: scram-sha-256
              pg_hba:
              - local all all peer
              - host all all 127.0.0.1/32 scram-sha-256
              - host replication replicator 127.0.0.1/32 scram-sha-256
              post_init: {{Quote(node.PostInitCommand)}}
            postgresql:
              data_dir: {{Quote(node.DataDirectory)}}
              bin_dir: {{Quote(node.BinDirectory)}}
              pgpass: {{Quote(node.PasswordFile)}}
              use_pg_rewind: true
              remove_data_directory_on_rewind_failure: true
              # A replica's clone must not wait for a spread checkpoint (minutes on an idle leader).
              basebackup:
              - checkpoint: fast
              authentication:
                superuser:
                  username: postgres
                  password: {{Quote(node.Passwords.Superuser)}}
                replication:
                  username: replicator
                  password: {{Quote(node.Passwords.Replication)}}
                rewind:
                  username: rewinder
                  password: {{Quote(node.Passwords.Rewind)}}
              parameters:
                unix_socket_directories: {{Quote(node.SocketDirectory)}}
                # Lets a client ask the server which node acknowledged a write (split-brain detection).
                sim.node: {{Quote(node.Name)}}
            # There is no /dev/watchdog on these machines.
            watchdog:
              mode: "off"
            tags:
              nofailover: {{Bool(node.Tags.NoFailover)}}
              nosync: {{Bool(node.Tags.NoSync)}}
            """);
        return text.ToString();
    }

    /// <summary>The <c>standby_cluster</c> section of <c>bootstrap.dcs</c>, indented to sit there; empty for none.</summary>
    private static string StandbyCluster(int? port) => port is { } p ? "\n" + StandbyClusterSection("127.0.0.1", p).TrimEnd('\n') : string.Empty;

    /// <summary>
    /// The <c>standby_cluster</c> section of <c>bootstrap.dcs</c> (lines indented to sit under <c>bootstrap:</c>
    /// <c>dcs:</c>, each ending in a newline): follow the PostgreSQL at <paramref name="host"/>:<paramref name="port"/>,
    /// cloning it with <c>pg_basebackup</c> at bootstrap. Shared by both runtimes' configurations.
    /// </summary>
    public static string StandbyClusterSection(string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        return string.Create(CultureInfo.InvariantCulture,
            $"    standby_cluster:\n      host: {host}\n      port: {port}\n      create_replica_methods:\n      - basebackup\n");
    }

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
