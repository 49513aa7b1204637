using System.Globalization;
using System.Text;
using System.Text.Json;
using Simulator.Chaos.Proxy.Toxics;

namespace Simulator.Chaos.Proxy.Api;

/// <summary>Writes the API's JSON shapes exactly as Toxiproxy does.</summary>
internal static class ApiJson
{
    public static void WriteProxy(Utf8JsonWriter writer, ProxyRuntime proxy)
    {
        writer.WriteStartObject();
        writer.WriteString("name", proxy.Name);
        writer.WriteString("listen", proxy.Listen);
        writer.WriteString("upstream", proxy.Upstream);
        writer.WriteBoolean("enabled", proxy.Enabled);
        writer.WritePropertyName("toxics");
        WriteToxics(writer, proxy.Toxics);
        writer.WriteEndObject();
    }

    /// <summary>Toxics as Toxiproxy lists them: the upstream chain, then the downstream chain, each in order added.</summary>
    public static void WriteToxics(Utf8JsonWriter writer, IReadOnlyList<ToxicDefinition> toxics)
    {
        writer.WriteStartArray();
        foreach (var stream in (ReadOnlySpan<ToxicDirection>)[ToxicDirection.Upstream, ToxicDirection.Downstream])
        {
            foreach (var toxic in toxics)
            {
                if (toxic.Stream == stream)
                {
                    WriteToxic(writer, toxic);
                }
            }
        }

        writer.WriteEndArray();
    }

    public static void WriteToxic(Utf8JsonWriter writer, ToxicDefinition toxic)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("attributes");
        for (var i = 0; i < toxic.Kind.AttributeNames.Count; i++)
        {
            writer.WriteNumber(toxic.Kind.AttributeNames[i], toxic[i]);
        }

        writer.WriteEndObject();
        writer.WriteString("name", toxic.Name);
        writer.WriteString("type", toxic.Kind.Name);
        writer.WriteString("stream", toxic.Stream == ToxicDirection.Upstream ? "upstream" : "downstream");
        writer.WriteNumber("toxicity", toxic.Toxicity);
        writer.WriteEndObject();
    }

    public static void WriteError(Utf8JsonWriter writer, string message, int status)
    {
        writer.WriteStartObject();
        writer.WriteString("error", message);
        writer.WriteNumber("status", status);
        writer.WriteEndObject();
    }

    /// <summary>Prometheus text exposition of the per-proxy counters.</summary>
    public static string Metrics(IReadOnlyList<ProxyRuntime> proxies)
    {
        var text = new StringBuilder();
        WriteLinkCounter(text, proxies, "toxiproxy_proxy_received_bytes_total", "The total bytes received on a given proxy link in a given direction", (c, d) => c.Received(d));
        WriteLinkCounter(text, proxies, "toxiproxy_proxy_sent_bytes_total", "The total bytes sent on a given proxy link in a given direction", (c, d) => c.Sent(d));
        WriteProxyMetric(text, proxies, "toxiproxy_proxy_connections_total", "counter", "Client connections accepted and connected upstream", c => c.Accepted);
        WriteProxyMetric(text, proxies, "toxiproxy_proxy_active_connections", "gauge", "Client connections open now", c => c.Active);
        return text.ToString();
    }

    private static void WriteLinkCounter(StringBuilder text, IReadOnlyList<ProxyRuntime> proxies, string name, string help, Func<ProxyCounters, ToxicDirection, long> value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} counter\n");
        foreach (var proxy in proxies)
        {
            foreach (var (stream, label) in (ReadOnlySpan<(ToxicDirection, string)>)[(ToxicDirection.Upstream, "upstream"), (ToxicDirection.Downstream, "downstream")])
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{name}{{direction=\"{label}\",listener=\"{Escape(proxy.Listen)}\",proxy=\"{Escape(proxy.Name)}\",upstream=\"{Escape(proxy.Upstream)}\"}} {value(proxy.Counters, stream)}\n");
            }
        }
    }

    private static void WriteProxyMetric(StringBuilder text, IReadOnlyList<ProxyRuntime> proxies, string name, string type, string help, Func<ProxyCounters, long> value)
    {
        text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
        foreach (var proxy in proxies)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}{{proxy=\"{Escape(proxy.Name)}\"}} {value(proxy.Counters)}\n");
        }
    }

    private static string Escape(string label) =>
        label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
