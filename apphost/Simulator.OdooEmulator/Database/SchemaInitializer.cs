using Npgsql;
using Simulator.OdooEmulator.Configuration;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// Creates the schema and demo data before the emulator starts serving. Holds a transaction-scoped
/// advisory lock so two instances starting together against one database take turns; the lock
/// goes away with the transaction even if the process dies. Waits for the database while it is
/// unreachable (it may still be starting) rather than failing the host.
/// </summary>
internal sealed partial class SchemaInitializer(
    NpgsqlDataSource dataSource,
    OdooEmulatorOptions options,
    TimeProvider timeProvider,
    ILogger<SchemaInitializer> logger) : IHostedService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await InitializeAsync(cancellationToken);
                LogReady(options.Seed.Products, options.Seed.Partners);
                return;
            }
            catch (Exception ex) when (PostgresErrors.IsConnectionFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                dataSource.Clear();
                LogWaiting(attempt, ex.Message);
                await Task.Delay(RetryDelay, timeProvider, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>One idempotent pass: lock, create what is missing, seed, commit.</summary>
    internal async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("key", OdooSchema.AdvisoryLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var ddl = new NpgsqlCommand(OdooSchema.Ddl, connection, transaction))
        {
            await ddl.ExecuteNonQueryAsync(cancellationToken);
        }

        await DemoDataSeeder.SeedAsync(connection, transaction, options, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema ready ({Products} products, {Partners} partners seeded)")]
    private partial void LogReady(int products, int partners);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable (attempt {Attempt}): {Reason}; retrying")]
    private partial void LogWaiting(int attempt, string reason);
}
