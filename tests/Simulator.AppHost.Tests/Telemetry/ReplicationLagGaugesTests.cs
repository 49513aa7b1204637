using System.Diagnostics.Metrics;
using Microsoft.Extensions.Time.Testing;
using Simulator.AppHost.Failover;
using Simulator.AppHost.Telemetry;
using Simulator.Load.Failover;

namespace Simulator.AppHost.Tests.Telemetry;

/// <summary>The lag gauges on a fake clock and source: latest reading per replica, tagged, stale ones dropped.</summary>
public sealed class ReplicationLagGaugesTests
{
    private readonly string _node = "lag-test-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task The_gauges_report_each_replicas_latest_reading_with_its_region_until_it_goes_stale()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var source = new ScriptedSource(time);
        source.Next = [new ReplicationLagSample(time.GetUtcNow(), _node, 4096, 0.5)];
        await using var gauges = new ReplicationLagGauges(source, new Dictionary<string, string> { [_node] = "us" }, time, TimeSpan.FromSeconds(1));

        await source.WaitForReadsAsync(1);
        Assert.Equal([("sim.replication.lag.bytes", 4096.0, "us"), ("sim.replication.lag", 0.5, "us")], Collect());

        // The next second's reading replaces it; a reading without bytes (primary unreachable) reports seconds only.
        source.Next = [new ReplicationLagSample(time.GetUtcNow() + TimeSpan.FromSeconds(1), _node, null, 3.0)];
        time.Advance(TimeSpan.FromSeconds(1));
        await source.WaitForReadsAsync(2);
        Assert.Equal([("sim.replication.lag", 3.0, "us")], Collect());

        // The replica cannot be asked any more: after 10 s its last reading is no longer reported.
        source.Next = [];
        for (var second = 3; second <= 13; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await source.WaitForReadsAsync(second);
        }

        Assert.Empty(Collect());
    }

    private List<(string Instrument, double Value, string? Region)> Collect()
    {
        var readings = new List<(string, double, string?)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ReplicationLagGauges.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? node = null, region = null;
            foreach (var tag in tags)
            {
                node = tag.Key == "sim.node" ? tag.Value as string : node;
                region = tag.Key == "sim.region" ? tag.Value as string : region;
            }

            if (node == _node)
            {
                readings.Add((instrument.Name, value, region));
            }
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.Start();
        listener.RecordObservableInstruments();
        return readings;
    }

    /// <summary>Returns <see cref="Next"/> on every read and counts the reads.</summary>
    private sealed class ScriptedSource(TimeProvider time) : IReplicationLagSource
    {
        private int _reads;

        public IReadOnlyList<ReplicationLagSample> Next { get; set; } = [];

        public Task<IReadOnlyList<ReplicationLagSample>> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _reads);
            return Task.FromResult(Next);
        }

        public async Task WaitForReadsAsync(int count)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (Volatile.Read(ref _reads) < count && DateTime.UtcNow < deadline)
            {
                await Task.Delay(10, CancellationToken.None);
            }

            Assert.True(Volatile.Read(ref _reads) >= count, $"only {_reads} reads, expected {count} (clock at {time.GetUtcNow():O})");
            // Let the loop store what it read before the test collects.
            await Task.Delay(50, CancellationToken.None);
        }
    }
}
