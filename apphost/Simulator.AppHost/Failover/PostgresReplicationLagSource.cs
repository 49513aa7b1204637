using Npgsql;
using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>
/// Reads replication lag from <c>pg_stat_replication</c> on every node the observer last saw running as a primary
/// (straight, not through the links): bytes = the primary's WAL position minus the replica's replayed position,
/// seconds = PostgreSQL's <c>replay_lag</c> (0 when the replica has replayed everything, null when it is not known).
/// A replica is named by its <c>application_name</c>, which Patroni sets to the member's name.
/// </summary>
/// <param name="connectionStrings">Each node's name and direct connection string.</param>
/// <param name="observer">Tells which nodes are primaries now.</param>
public sealed class PostgresReplicationLagSource(IReadOnlyDictionary<string, string> connectionStrings, ClusterObserver observer) : IReplicationLagSource
{
    private const string Query = """
        SELECT application_name,
               pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint,
               extract(epoch FROM replay_lag)::float8,
               replay_lsn = pg_current_wal_lsn()
        FROM pg_stat_replication
        WHERE application_name <> ''
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ReplicationLagSample>> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var primaries = observer.Latest?.Nodes.Where(n => n.IsRunningPrimary).Select(n => n.Node) ?? [];
        var samples = new List<ReplicationLagSample>();
        foreach (var primary in primaries)
        {
            if (!connectionStrings.TryGetValue(primary, out var connectionString))
            {
                continue;
            }

            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand(Query, connection);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    long? bytes = reader.IsDBNull(1) ? null : reader.GetInt64(1);
                    double? seconds = reader.IsDBNull(2) ? null : reader.GetDouble(2);
                    var caughtUp = !reader.IsDBNull(3) && reader.GetBoolean(3);
                    samples.Add(new ReplicationLagSample(at, reader.GetString(0), bytes, seconds ?? (caughtUp ? 0 : null)));
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // A primary that cannot be asked now gives no reading for this second.
            }
        }

        return samples;
    }
}
