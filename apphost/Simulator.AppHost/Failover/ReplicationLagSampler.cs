using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>Reads replication lag once a second (by default) on the injected clock and keeps every reading.</summary>
/// <param name="source">Reads every replica's lag once.</param>
/// <param name="time">The clock reads are scheduled and stamped on.</param>
/// <param name="interval">Time between reads; one second when null.</param>
public sealed class ReplicationLagSampler(IReplicationLagSource source, TimeProvider time, TimeSpan? interval = null)
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromSeconds(1);
    private readonly List<ReplicationLagSample> _samples = [];
    private readonly Lock _gate = new();

    /// <summary>Every reading so far, in order.</summary>
    public IReadOnlyList<ReplicationLagSample> Samples
    {
        get
        {
            lock (_gate)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>The readings as one per-second series per replica, from <paramref name="origin"/> (the run's start).</summary>
    public IReadOnlyList<ReplicationLagSeries> Series(DateTimeOffset origin) => ReplicationLagSeries.FromSamples(Samples, origin);

    /// <summary>Reads until cancelled; then returns.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(time);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var started = time.GetTimestamp();
                var samples = await source.ReadAsync(time.GetUtcNow(), cancellationToken);
                lock (_gate)
                {
                    _samples.AddRange(samples);
                }

                var left = _interval - time.GetElapsedTime(started);
                if (left > TimeSpan.Zero)
                {
                    await Task.Delay(left, time, cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
