using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;
using Simulator.Load;
using Simulator.Load.Measurement;

namespace Simulator.AppHost.Failover;

/// <summary>
/// Writes one row per iteration through a region's PostgreSQL router, with an id the client chooses, so that writes
/// whose outcome is unknown can be looked for after a failover (Jepsen-style). Each acknowledged write is recorded
/// with its origin, as the server names it in the same statement: <c>&lt;node&gt;/tl&lt;timeline&gt;</c> (the
/// <c>sim.node</c> setting Patroni nodes carry, and the timeline of the WAL being written). Each write opens its own
/// connection (no pooling), so no write is sent on a connection the router shut when the leader changed.
/// </summary>
/// <param name="connectionString">The router's write endpoint (or any PostgreSQL primary).</param>
public sealed class PostgresWriteWorkload(string connectionString) : IWorkload
{
    /// <summary>The table the writes go to.</summary>
    public const string Table = "sim_writes";

    private const string Insert = $"""
        INSERT INTO {Table} (id, region) VALUES (@id, @region)
        RETURNING coalesce(current_setting('sim.node', true), inet_server_port()::text),
                  substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8)
        """;

    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
    private readonly ConcurrentQueue<string> _unknownIds = new();

    /// <summary>The ids of writes sent without an answer (their outcome is unknown).</summary>
    public IReadOnlyCollection<string> UnknownIds => [.. _unknownIds];

    /// <summary>A lookup of which ids exist, on the database at <paramref name="connectionString"/> (the surviving primary).</summary>
    public static Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>> Lookup(string connectionString) =>
        async (ids, cancellationToken) =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"SELECT id FROM {Table} WHERE id = ANY(@ids)", connection);
            command.Parameters.AddWithValue("ids", ids.ToArray());
            var found = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetString(0));
            }

            return found;
        };

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"CREATE TABLE IF NOT EXISTS {Table} (id text PRIMARY KEY, region text NOT NULL, written_at timestamptz NOT NULL DEFAULT now())",
            connection);
        try
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
        {
            // Another writer created it at the same moment (IF NOT EXISTS does not guard against that race).
        }
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(IterationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = string.Create(CultureInfo.InvariantCulture, $"{context.Workload}:{context.Region}:{context.Iteration}");
        var sent = context.Elapsed;
        var origin = await context.TimeAsync("write", ct => WriteAsync(id, context.Region, ct), cancellationToken);
        context.Acknowledge(id, origin, sent);
    }

    private async Task<string> WriteAsync(string id, string region, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            // Nothing was sent: the write certainly did not happen.
            throw new WorkloadException("connect", outcomeUnknown: false, ex.Message, ex);
        }

        try
        {
            await using var command = new NpgsqlCommand(Insert, connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("region", region);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            var node = reader.GetString(0);
            var timeline = Convert.ToInt64(reader.GetString(1), 16);
            return string.Create(CultureInfo.InvariantCulture, $"{node}/tl{timeline}");
        }
        catch (PostgresException ex) when (ex.Severity is not ("FATAL" or "PANIC"))
        {
            // The server refused the statement (e.g. read-only after a demotion): it did not happen.
            throw new WorkloadException("sql-" + ex.SqlState, outcomeUnknown: false, ex.Message, ex);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            // Sent, then the connection ended or timed out: the commit may or may not have happened.
            _unknownIds.Enqueue(id);
            var kind = ex is PostgresException postgres ? "sql-" + postgres.SqlState : ex is NpgsqlException { InnerException: TimeoutException } or TimeoutException ? "timeout" : "connection-lost";
            throw new WorkloadException(kind, outcomeUnknown: true, ex.Message, ex);
        }
    }
}
