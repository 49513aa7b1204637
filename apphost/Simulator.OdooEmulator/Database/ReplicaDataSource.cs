using Npgsql;
using Simulator.OdooEmulator.Configuration;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// The read replica (Odoo 17+'s <c>db_replica_host</c>), when one is configured. As Odoo's
/// registry does, a replica that cannot be reached is skipped for a while (read-only calls then
/// run on the primary) rather than failing those calls.
/// </summary>
internal sealed class ReplicaDataSource : IAsyncDisposable
{
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _retryAfter;
    private long _failedAt = long.MinValue;

    /// <summary>A replica at <paramref name="connectionString"/> (none when null or blank), with the pool size and retry time of <paramref name="options"/>.</summary>
    public ReplicaDataSource(string? connectionString, OdooEmulatorOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        _timeProvider = timeProvider;
        _retryAfter = TimeSpan.FromSeconds(options.DbReplicaRetrySeconds);
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            DataSource = OdooDataSourceFactory.Create(connectionString, options.DbMaxConn);
        }
    }

    /// <summary>The replica's pool, or null without a replica.</summary>
    public NpgsqlDataSource? DataSource { get; }

    /// <summary>The replica's pool if read-only calls should use it now; null otherwise.</summary>
    public NpgsqlDataSource? Current
    {
        get
        {
            if (DataSource is null)
            {
                return null;
            }

            var failedAt = Interlocked.Read(ref _failedAt);
            return failedAt == long.MinValue || _timeProvider.GetElapsedTime(failedAt) >= _retryAfter ? DataSource : null;
        }
    }

    /// <summary>Records that the replica could not be reached: the primary serves reads for a while.</summary>
    public void MarkFailed()
    {
        Interlocked.Exchange(ref _failedAt, _timeProvider.GetTimestamp());
        DataSource?.Clear();
    }

    public ValueTask DisposeAsync() => DataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
