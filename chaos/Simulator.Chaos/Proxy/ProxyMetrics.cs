using System.Diagnostics.Metrics;

namespace Simulator.Chaos.Proxy;

/// <summary>
/// The server's OpenTelemetry instruments on the <see cref="ToxiproxyServer.MeterName"/> meter: bytes passed,
/// connections and active toxics per proxy. Every instrument is observable: it reads the counters the proxy keeps
/// anyway (<see cref="ProxyCounters"/>, plain interlocked adds) when a listener collects, so the data path does no
/// extra work whether or not anything listens.
/// </summary>
internal sealed class ProxyMetrics : IDisposable
{
    private readonly Meter _meter = new(ToxiproxyServer.MeterName);
    private readonly ProxyRegistry _registry;
    private readonly HashSet<(string Proxy, string Type, ToxicDirection Stream)> _seenToxics = [];

    public ProxyMetrics(ProxyRegistry registry)
    {
        _registry = registry;
        _meter.CreateObservableCounter(
            "sim.proxy.bytes", () => ObserveBytes(c => c.Sent), "By",
            "Bytes the proxy passed on, by proxy and direction (upstream: client to server).");
        _meter.CreateObservableCounter(
            "sim.proxy.bytes.spliced", () => ObserveBytes(c => c.Spliced), "By",
            "Of the bytes passed on, those moved with splice(2) without a copy through the proxy (toxic-free directions).");
        _meter.CreateObservableUpDownCounter(
            "sim.proxy.connections.active", () => PerProxy(c => c.Active), "{connection}",
            "Connections open through the proxy.");
        _meter.CreateObservableCounter(
            "sim.proxy.connections.accepted", () => PerProxy(c => c.Accepted), "{connection}",
            "Connections the proxy accepted and joined to its upstream.");
        _meter.CreateObservableCounter(
            "sim.proxy.connections.cut", () => PerProxy(c => c.Cut), "{connection}",
            "Connections the proxy ended itself: by a toxic (timeout, reset_peer, limit_data) or by being disabled, deleted or reset.");
        _meter.CreateObservableGauge(
            "sim.proxy.toxics.active", ObserveToxics, "{toxic}",
            "Toxics on the proxy, by type and stream; a partition is a blackhole toxic.");
    }

    public void Dispose() => _meter.Dispose();

    private IEnumerable<Measurement<long>> ObserveBytes(Func<ProxyCounters, Func<ToxicDirection, long>> counter)
    {
        foreach (var proxy in _registry.List())
        {
            var bytes = counter(proxy.Counters);
            yield return new Measurement<long>(bytes(ToxicDirection.Upstream), ProxyTag(proxy), DirectionTag(ToxicDirection.Upstream));
            yield return new Measurement<long>(bytes(ToxicDirection.Downstream), ProxyTag(proxy), DirectionTag(ToxicDirection.Downstream));
        }
    }

    private IEnumerable<Measurement<long>> PerProxy(Func<ProxyCounters, long> value) =>
        _registry.List().Select(proxy => new Measurement<long>(value(proxy.Counters), ProxyTag(proxy)));

    /// <remarks>
    /// A toxic type once seen on a proxy keeps reporting, as 0 after it is removed, so a healed link reads 0 on the
    /// dashboard instead of its last value.
    /// </remarks>
    private List<Measurement<long>> ObserveToxics()
    {
        var measurements = new List<Measurement<long>>();
        lock (_seenToxics)
        {
            foreach (var proxy in _registry.List())
            {
                var counts = proxy.Toxics.CountBy(t => (proxy.Name, t.Kind.Name, t.Stream)).ToDictionary();
                _seenToxics.UnionWith(counts.Keys);
                foreach (var key in _seenToxics.Where(k => k.Proxy == proxy.Name))
                {
                    measurements.Add(new Measurement<long>(
                        counts.GetValueOrDefault(key),
                        ProxyTag(proxy),
                        new KeyValuePair<string, object?>("sim.toxic.type", key.Type),
                        DirectionTag(key.Stream, "sim.toxic.stream")));
                }
            }
        }

        return measurements;
    }

    private static KeyValuePair<string, object?> ProxyTag(ProxyRuntime proxy) => new("sim.proxy", proxy.Name);

    private static KeyValuePair<string, object?> DirectionTag(ToxicDirection direction, string key = "sim.direction") =>
        new(key, direction == ToxicDirection.Upstream ? "upstream" : "downstream");
}
