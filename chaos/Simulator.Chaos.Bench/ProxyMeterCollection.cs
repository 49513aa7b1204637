using System.Diagnostics.Metrics;

namespace Simulator.Chaos.Bench;

/// <summary>
/// Collects the proxy's meter once a second while the benchmark runs, as an OTLP exporter does when the proxy runs
/// under the dashboard, so the figures include whatever publishing metrics costs.
/// </summary>
internal sealed class ProxyMeterCollection : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Timer _timer;
    private long _measurements;

    public ProxyMeterCollection(TimeSpan interval)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == ToxiproxyServer.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, _, _) => Interlocked.Increment(ref _measurements));
        _listener.Start();
        _timer = new Timer(_ => _listener.RecordObservableInstruments(), null, interval, interval);
    }

    /// <summary>Measurements read so far (to show the collection really ran).</summary>
    public long Measurements => Interlocked.Read(ref _measurements);

    public void Dispose()
    {
        _timer.Dispose();
        _listener.Dispose();
    }
}
