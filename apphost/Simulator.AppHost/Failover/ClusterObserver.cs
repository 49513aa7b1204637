using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>
/// Polls a cluster at a fixed rate (10 Hz by default) on the injected clock and keeps every observation, so the
/// run's failover events can be derived on its own clock afterwards (<see cref="Events"/>). A poll that takes
/// longer than the interval delays the next one; missed ticks are skipped, not caught up.
/// </summary>
/// <param name="probe">Polls the cluster once.</param>
/// <param name="time">The clock polls are scheduled and stamped on.</param>
/// <param name="interval">Time between polls; <see cref="DefaultInterval"/> when null.</param>
public sealed class ClusterObserver(IClusterProbe probe, TimeProvider time, TimeSpan? interval = null)
{
    /// <summary>The default polling interval: 100 ms (10 Hz).</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    private readonly TimeSpan _interval = interval ?? DefaultInterval;
    private readonly List<ClusterObservation> _observations = [];
    private readonly Lock _gate = new();

    /// <summary>Every observation so far, in order.</summary>
    public IReadOnlyList<ClusterObservation> Observations
    {
        get
        {
            lock (_gate)
            {
                return [.. _observations];
            }
        }
    }

    /// <summary>The latest observation, or null before the first.</summary>
    public ClusterObservation? Latest
    {
        get
        {
            lock (_gate)
            {
                return _observations.Count == 0 ? null : _observations[^1];
            }
        }
    }

    /// <summary>The failover events so far, in seconds from <paramref name="origin"/> (the run's start).</summary>
    public IReadOnlyList<FailoverEvent> Events(DateTimeOffset origin) => LeaderEventDetector.Detect(Observations, origin);

    /// <summary>Polls until cancelled; then returns (never throws for the cancellation).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(time);
        var next = time.GetTimestamp();
        var step = (long)(_interval.TotalSeconds * time.TimestampFrequency);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var observation = await probe.ProbeAsync(time.GetUtcNow(), cancellationToken);
                lock (_gate)
                {
                    _observations.Add(observation);
                }

                next += step;
                var now = time.GetTimestamp();
                if (next <= now)
                {
                    next = now;
                    continue;
                }

                await Task.Delay(TimeSpan.FromSeconds((double)(next - now) / time.TimestampFrequency), time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
