using System.Globalization;

namespace Simulator.AppHost.Tests;

/// <summary>
/// Decodes OTLP/HTTP protobuf export requests (opentelemetry-proto, <c>collector/*/v1</c>): spans with their service and
/// scope, and the number data points of gauges and sums. Histograms and logs are not needed by the tests and skipped.
/// </summary>
public static class OtlpDecoder
{
    /// <summary>The spans of an <c>ExportTraceServiceRequest</c>.</summary>
    public static List<OtlpSpan> Spans(ReadOnlySpan<byte> request) => ReadRequest<OtlpSpan>(request, ReadScopeSpans);

    /// <summary>The gauge and sum data points of an <c>ExportMetricsServiceRequest</c>.</summary>
    public static List<OtlpPoint> Points(ReadOnlySpan<byte> request) => ReadRequest<OtlpPoint>(request, ReadScopeMetrics);

    private delegate void ScopeHandler(string service, ReadOnlySpan<byte> scope);

    private delegate void ScopeReader<T>(ReadOnlySpan<byte> scope, string service, List<T> into);

    /// <summary>Export{Trace,Metrics}ServiceRequest: field 1 each Resource{Spans,Metrics}, whose field 2 is each scope.</summary>
    private static List<T> ReadRequest<T>(ReadOnlySpan<byte> request, ScopeReader<T> readScope)
    {
        var items = new List<T>();
        var reader = new ProtobufReader(request);
        while (reader.Next())
        {
            if (reader.Field == 1)
            {
                ReadResource(reader.Message, scopeField: 2, (service, scope) => readScope(scope, service, items));
            }
        }

        return items;
    }

    /// <summary>Resource{Spans,Metrics}: field 1 the resource (its service.name), <paramref name="scopeField"/> each scope.</summary>
    private static void ReadResource(ReadOnlySpan<byte> message, int scopeField, ScopeHandler handler)
    {
        var service = "";
        var reader = new ProtobufReader(message);
        while (reader.Next())
        {
            if (reader.Field == 1)
            {
                service = Attributes(reader.Message, attributeField: 1).GetValueOrDefault("service.name", "");
            }
        }

        reader = new ProtobufReader(message);
        while (reader.Next())
        {
            if (reader.Field == scopeField)
            {
                handler(service, reader.Message);
            }
        }
    }

    private static void ReadScopeSpans(ReadOnlySpan<byte> message, string service, List<OtlpSpan> spans)
    {
        var scope = ScopeName(message);
        var reader = new ProtobufReader(message);
        while (reader.Next())
        {
            if (reader.Field == 2)
            {
                string traceId = "", spanId = "", parent = "", name = "";
                var span = new ProtobufReader(reader.Message);
                while (span.Next())
                {
                    switch (span.Field)
                    {
                        case 1: traceId = span.Hex; break;
                        case 2: spanId = span.Hex; break;
                        case 4: parent = span.Hex; break;
                        case 5: name = span.Text; break;
                    }
                }

                spans.Add(new OtlpSpan(service, scope, name, traceId, spanId, parent));
            }
        }
    }

    private static void ReadScopeMetrics(ReadOnlySpan<byte> message, string service, List<OtlpPoint> points)
    {
        var reader = new ProtobufReader(message);
        while (reader.Next())
        {
            if (reader.Field != 2)
            {
                continue;
            }

            var name = "";
            var metric = new ProtobufReader(reader.Message);
            while (metric.Next())
            {
                if (metric.Field == 1)
                {
                    name = metric.Text;
                }
                else if (metric.Field is 5 or 7)
                {
                    // Gauge and Sum: field 1 holds each NumberDataPoint.
                    var data = new ProtobufReader(metric.Message);
                    while (data.Next())
                    {
                        if (data.Field == 1)
                        {
                            points.Add(ReadPoint(data.Message, service, name));
                        }
                    }
                }
            }
        }
    }

    /// <summary>NumberDataPoint: 4 as_double, 6 as_int, 7 attributes.</summary>
    private static OtlpPoint ReadPoint(ReadOnlySpan<byte> message, string service, string metric)
    {
        double value = 0;
        var reader = new ProtobufReader(message);
        while (reader.Next())
        {
            if (reader.Field == 4)
            {
                value = reader.Real;
            }
            else if (reader.Field == 6)
            {
                value = reader.Whole;
            }
        }

        return new OtlpPoint(service, metric, Attributes(message, attributeField: 7), value);
    }

    private static string ScopeName(ReadOnlySpan<byte> scopeMessage)
    {
        var reader = new ProtobufReader(scopeMessage);
        while (reader.Next())
        {
            if (reader.Field == 1)
            {
                var scope = new ProtobufReader(reader.Message);
                while (scope.Next())
                {
                    if (scope.Field == 1)
                    {
                        return scope.Text;
                    }
                }
            }
        }

        return "";
    }

    /// <summary>KeyValue (1 key, 2 AnyValue: 1 string, 2 bool, 3 int, 4 double) pairs of a message.</summary>
    private static Dictionary<string, string> Attributes(ReadOnlySpan<byte> message, int attributeField)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(message);
        while (reader.Next())
        {
            if (reader.Field != attributeField)
            {
                continue;
            }

            string key = "", value = "";
            var pair = new ProtobufReader(reader.Message);
            while (pair.Next())
            {
                if (pair.Field == 1)
                {
                    key = pair.Text;
                }
                else if (pair.Field == 2)
                {
                    var any = new ProtobufReader(pair.Message);
                    while (any.Next())
                    {
                        value = any.Field switch
                        {
                            1 => any.Text,
                            2 => any.Whole != 0 ? "true" : "false",
                            3 => any.Whole.ToString(CultureInfo.InvariantCulture),
                            4 => any.Real.ToString(CultureInfo.InvariantCulture),
                            _ => value,
                        };
                    }
                }
            }

            attributes[key] = value;
        }

        return attributes;
    }
}
