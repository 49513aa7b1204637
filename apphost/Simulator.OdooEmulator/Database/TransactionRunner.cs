using Npgsql;
using Simulator.OdooEmulator.Diagnostics;
using Simulator.OdooEmulator.Tenants;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// Runs one RPC call as Odoo does: one transaction at REPEATABLE READ, retried with randomized
/// back-off on serialization failures, deadlocks and lock timeouts (Odoo's <c>retrying</c>).
/// Any other error rolls back and propagates.
/// </summary>
internal sealed partial class TransactionRunner(
    TenantDatabases tenants,
    RetryBackoff backoff,
    TimeProvider timeProvider,
    EmulatorMetrics metrics,
    ILogger<TransactionRunner> logger)
{
    // Sent as its own statement, as psycopg2 sends BEGIN before a transaction's first query; it
    // doubles as the check that a pooled connection is still alive.
    private const string Begin = "BEGIN ISOLATION LEVEL REPEATABLE READ";

    // Odoo's read-only cursors (routes and methods marked readonly) refuse writes.
    private const string BeginReadOnly = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, calling it again for every retry. Work must
    /// keep no state across tries, as Odoo's environment is reset between them.
    /// </summary>
    /// <param name="work">The call's body.</param>
    /// <param name="cancellationToken">Cancels the call (the transaction is rolled back).</param>
    /// <param name="readOnly">
    /// A read-only call (search, read, ...): it runs on the replica when one is configured and
    /// reachable, as Odoo 17+ does with <c>db_replica_host</c>.
    /// </param>
    public async Task<T> RunAsync<T>(
        Func<OdooCursor, CancellationToken, Task<T>> work, CancellationToken cancellationToken, bool readOnly = false)
    {
        ArgumentNullException.ThrowIfNull(work);
        var (connection, begin, source) = await OpenAsync(readOnly, cancellationToken);
        await using var owned = connection;
        var cursor = new OdooCursor(connection);
        for (var tryNumber = 1; ; tryNumber++)
        {
            try
            {
                if (tryNumber > 1)
                {
                    await cursor.ExecuteAsync(begin, null, cancellationToken);
                }

                var result = await work(cursor, cancellationToken);
                if (readOnly)
                {
                    await cursor.ExecuteAsync("COMMIT", null, cancellationToken);
                }
                else
                {
                    await CommitRecordingOriginAsync(cursor, cancellationToken);
                }

                return result;
            }
            catch (PostgresException ex) when (PostgresErrors.IsConcurrencyFailure(ex.SqlState) && tryNumber < backoff.MaxTries)
            {
                await RollbackQuietlyAsync(cursor);
                metrics.TransactionRetried(ex.SqlState);
                var wait = backoff.DelayAfter(tryNumber);
                LogRetry(ex.SqlState, backoff.MaxTries - tryNumber, wait.TotalMilliseconds);
                await Task.Delay(wait, timeProvider, cancellationToken);
            }
            catch (Exception ex)
            {
                await RollbackQuietlyAsync(cursor);
                if (ex is PostgresException last && PostgresErrors.IsConcurrencyFailure(last.SqlState))
                {
                    LogTriesExhausted(last.SqlState);
                }

                if (PostgresErrors.IsConnectionFailure(ex))
                {
                    source.Clear();
                    metrics.PoolCleared();
                }

                throw;
            }
        }
    }

    /// <summary>
    /// Picks the database for the call and starts its transaction there: the replica for
    /// read-only calls while it answers, the primary otherwise (and as fallback).
    /// </summary>
    private async Task<(NpgsqlConnection Connection, string Begin, NpgsqlDataSource Source)> OpenAsync(bool readOnly, CancellationToken cancellationToken)
    {
        var tenant = tenants.Current;
        var replica = tenant.Replica;
        if (readOnly && replica.Current is { } replicaSource)
        {
            try
            {
                var connection = await OpenAndBeginAsync(replicaSource, BeginReadOnly, cancellationToken);
                metrics.ReplicaTransaction();
                return (connection, BeginReadOnly, replicaSource);
            }
            catch (Exception ex) when (PostgresErrors.IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                replica.MarkFailed();
                metrics.ReplicaFallback();
                LogReplicaFallback(ex.Message);
            }
        }

        return (await OpenAndBeginAsync(tenant.Primary, Begin, cancellationToken), Begin, tenant.Primary);
    }

    /// <summary>
    /// Borrows a connection and starts the transaction. Like Odoo's pool, which resets a borrowed
    /// connection and discards it when that fails, a pooled connection that died while idle (the
    /// server restarted) costs one fresh try, not an error for the caller.
    /// </summary>
    private async Task<NpgsqlConnection> OpenAndBeginAsync(NpgsqlDataSource source, string begin, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection? connection = null;
            try
            {
                connection = await source.OpenConnectionAsync(cancellationToken);
                await new OdooCursor(connection).ExecuteAsync(begin, null, cancellationToken);
                return connection;
            }
            catch (Exception ex) when (PostgresErrors.IsConnectionFailure(ex))
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                source.Clear();
                metrics.PoolCleared();
                if (attempt >= 2)
                {
                    throw;
                }

                LogStaleConnection(ex.Message);
            }
            catch
            {
                if (connection is not null)
                {
                    await connection.DisposeAsync();
                }

                throw;
            }
        }
    }

    /// <summary>
    /// Commits, reading in the same round trip which server and timeline commit (<see cref="CommitOrigin"/>), and
    /// records it for the request's response once the commit succeeded.
    /// </summary>
    private static async Task CommitRecordingOriginAsync(OdooCursor cursor, CancellationToken cancellationToken)
    {
        string? node;
        string? timeline;
        await using (var command = cursor.CreateCommand(CommitOrigin.Query + "; COMMIT"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            node = reader.IsDBNull(0) ? null : reader.GetString(0);
            timeline = reader.IsDBNull(1) ? null : reader.GetString(1);
            // The COMMIT's result: its error, if any, surfaces here.
            while (await reader.NextResultAsync(cancellationToken))
            {
            }
        }

        CommitOrigin.Current?.Committed(node, timeline);
    }

    private static async Task RollbackQuietlyAsync(OdooCursor cursor)
    {
        try
        {
            // Not cancellable: a transaction must never be left open on a pooled connection.
            await cursor.ExecuteAsync("ROLLBACK", null, CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or IOException)
        {
            // The connection is broken; Npgsql discards it when it goes back to the pool.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{SqlState}, {TriesLeft} tries left, try again in {WaitMs:F1} ms")]
    private partial void LogRetry(string sqlState, int triesLeft, double waitMs);

    // Odoo's own wording, which the run's retry count looks for in both runtimes (OdooRetryLog).
    [LoggerMessage(Level = LogLevel.Information, Message = "{SqlState}, maximum number of tries reached!")]
    private partial void LogTriesExhausted(string sqlState);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed to open a readonly cursor, falling back to read-write cursor ({Reason})")]
    private partial void LogReplicaFallback(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pooled connection failed ({Reason}); pool cleared, retrying on a fresh connection")]
    private partial void LogStaleConnection(string reason);
}
