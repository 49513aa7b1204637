using System.Diagnostics.Metrics;
using Simulator.AppHost.Failover;
using Simulator.Load.Failover;

namespace Simulator.AppHost.Telemetry;

/// <summary>
/// Replication lag of each replica as observable gauges on the <see cref="MeterName"/> meter:
/// <c>sim.replication.lag.bytes</c> and <c>sim.replication.lag</c> (seconds), tagged <c>sim.region</c> and
/// <c>sim.node</c>. A loop reads the source once per interval and keeps each replica's latest reading; the gauges
/// report those, so an exporter's collection never waits on a database.
/// </summary>
public sealed class ReplicationLagGauges : IAsyncDisposable
{
    /// <summary>The meter's name, for <c>AddMeter</c>.</summary>
    public const string MeterName = "Simulator.Replication";

    /// <summary>A reading older than this is not reported: the replica could not be asked lately.</summary>
    private static readonly TimeSpan Stale = TimeSpan.FromSeconds(10);

    private readonly Meter _meter = new(MeterName);
    private readonly IReplicationLagSource _source;
    private readonly IReadOnlyDictionary<string, string> _regionOf;
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly Dictionary<string, ReplicationLagSample> _latest = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    /// <summary>Starts reading <paramref name="source"/> every <paramref name="interval"/>.</summary>
    /// <param name="source">Reads every replica's lag once.</param>
    /// <param name="regionOf">Each replica's region, by node name.</param>
    /// <param name="time">The clock reads are scheduled on.</param>
    /// <param name="interval">Time between reads.</param>
    public ReplicationLagGauges(IReplicationLagSource source, IReadOnlyDictionary<string, string> regionOf, TimeProvider time, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(regionOf);
        ArgumentNullException.ThrowIfNull(time);
        _source = source;
        _regionOf = regionOf;
        _time = time;
        _interval = interval;
        _meter.CreateObservableGauge(
            "sim.replication.lag.bytes", () => Observe(s => s.Bytes), "By",
            "WAL the replica has not replayed yet: the primary's position minus the replica's replay position.");
        _meter.CreateObservableGauge(
            "sim.replication.lag", () => Observe(s => s.Seconds), "s",
            "How far the replica's replay is behind: 0 when it has replayed everything it received.");
        _reading = Task.Run(ReadLoopAsync);
    }

    /// <summary>Each replica's latest reading.</summary>
    public IReadOnlyList<ReplicationLagSample> Latest
    {
        get
        {
            lock (_latest)
            {
                return [.. _latest.Values];
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _meter.Dispose();
        _stop.Dispose();
    }

    private async Task ReadLoopAsync()
    {
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                var started = _time.GetTimestamp();
                foreach (var sample in await _source.ReadAsync(_time.GetUtcNow(), token))
                {
                    lock (_latest)
                    {
                        _latest[sample.Node] = sample;
                    }
                }

                var left = _interval - _time.GetElapsedTime(started);
                await Task.Delay(left > TimeSpan.Zero ? left : TimeSpan.Zero, _time, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }

    private List<Measurement<T>> Observe<T>(Func<ReplicationLagSample, T?> value)
        where T : struct
    {
        var now = _time.GetUtcNow();
        var measurements = new List<Measurement<T>>();
        foreach (var sample in Latest)
        {
            if (value(sample) is { } reading && now - sample.At <= Stale)
            {
                measurements.Add(new Measurement<T>(
                    reading,
                    new KeyValuePair<string, object?>("sim.region", _regionOf.GetValueOrDefault(sample.Node)),
                    new KeyValuePair<string, object?>("sim.node", sample.Node)));
            }
        }

        return measurements;
    }
}
