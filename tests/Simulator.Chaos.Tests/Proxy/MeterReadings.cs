using System.Diagnostics.Metrics;

namespace Simulator.Chaos.Tests.Proxy;

/// <summary>One collection of every observable instrument on the proxy meter, for one proxy, read as an exporter would.</summary>
internal sealed class MeterReadings
{
    private readonly List<(string Instrument, Dictionary<string, string> Tags, long Value)> _readings = [];

    private MeterReadings()
    {
    }

    /// <summary>Collects the instruments of every server in the process, keeping the readings tagged with <paramref name="proxy"/>.</summary>
    public static MeterReadings Collect(string proxy)
    {
        var result = new MeterReadings();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == ToxiproxyServer.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value?.ToString() ?? "";
            }

            if (map.GetValueOrDefault("sim.proxy") == proxy)
            {
                lock (result._readings)
                {
                    result._readings.Add((instrument.Name, map, value));
                }
            }
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return result;
    }

    /// <summary>The one reading of <paramref name="instrument"/> with these tags; fails if there is none or several.</summary>
    public long Value(string instrument, params (string Key, string Value)[] tags) =>
        Assert.Single(_readings, r => r.Instrument == instrument && tags.All(t => r.Tags.GetValueOrDefault(t.Key) == t.Value)).Value;
}
