using Npgsql;
using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>
/// Reads the lag of plain streaming replicas (no Patroni) on each replica itself, so a replica whose stream is cut
/// still reports how stale it is: bytes = the primary's WAL position minus what the replica has replayed (unknown
/// while the primary cannot be asked); seconds = 0 when the replica has replayed all it received, else the age of
/// the last transaction it replayed (<c>pg_last_xact_replay_timestamp</c>).
/// </summary>
/// <param name="primary">The primary's direct connection string.</param>
/// <param name="replicas">Each replica's name and direct connection string.</param>
public sealed class StreamingReplicaLagSource(string primary, IReadOnlyDictionary<string, string> replicas) : IReplicationLagSource
{
    /// <summary>How long one read may wait on a node: a frozen or cut-off node must not stall the next second's read.</summary>
    private const int TimeoutSeconds = 2;

    private const string ReplicaQuery = """
        SELECT pg_wal_lsn_diff(@primary_lsn::pg_lsn, pg_last_wal_replay_lsn())::bigint,
               CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                    ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END
        """;

    private readonly string _primary = WithTimeouts(primary);
    private readonly Dictionary<string, string> _replicas = replicas.ToDictionary(r => r.Key, r => WithTimeouts(r.Value));

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReplicationLagSample>> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var primaryLsn = await TryReadPrimaryLsnAsync(cancellationToken);
        var samples = new List<ReplicationLagSample>(_replicas.Count);
        foreach (var (name, connectionString) in _replicas)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand(ReplicaQuery, connection);
                command.Parameters.AddWithValue("primary_lsn", (object?)primaryLsn ?? DBNull.Value);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                if (await reader.ReadAsync(cancellationToken))
                {
                    long? bytes = reader.IsDBNull(0) ? null : Math.Max(0, reader.GetInt64(0));
                    double? seconds = reader.IsDBNull(1) ? null : Math.Max(0, reader.GetDouble(1));
                    samples.Add(new ReplicationLagSample(at, name, bytes, seconds));
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // A replica that cannot be asked now gives no reading for this second.
            }
        }

        return samples;
    }

    private async Task<string?> TryReadPrimaryLsnAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = new NpgsqlConnection(_primary);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", connection);
            return (string?)await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string WithTimeouts(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString)
    {
        Timeout = TimeoutSeconds,
        CommandTimeout = TimeoutSeconds,
        ApplicationName = "sim-lag-monitor",
    }.ConnectionString;
}
