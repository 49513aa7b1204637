using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Simulator.AppHost.Telemetry;

namespace Simulator.AppHost.Tests.Telemetry;

/// <summary>Where the AppHost exports its own telemetry, checked against the in-test collector.</summary>
public sealed class OtlpTargetTests
{
    [Fact]
    public void The_dashboard_settings_name_the_target_and_grpc_wins()
    {
        var none = OtlpTarget.FromConfiguration(Config([]));
        var http = OtlpTarget.FromConfiguration(Config([(OtlpTarget.HttpUrlKey, "http://127.0.0.1:18890"), (OtlpTarget.ApiKeyKey, "k")]));
        var both = OtlpTarget.FromConfiguration(Config([(OtlpTarget.HttpUrlKey, "http://127.0.0.1:18890"), (OtlpTarget.GrpcUrlKey, "http://127.0.0.1:18889")]));

        Assert.Null(none);
        Assert.Equal(new OtlpTarget(new Uri("http://127.0.0.1:18890"), OtlpExportProtocol.HttpProtobuf, "x-otlp-api-key=k"), http);
        Assert.Equal(new OtlpTarget(new Uri("http://127.0.0.1:18889"), OtlpExportProtocol.Grpc, null), both);
    }

    [Fact]
    public async Task Spans_and_metrics_exported_to_the_target_reach_the_collector_decoded()
    {
        await using var collector = OtlpCollector.Start();
        var target = new OtlpTarget(collector.Url, OtlpExportProtocol.HttpProtobuf, null);
        var name = "otlp-target-test-" + Guid.NewGuid().ToString("N")[..8];
        using var source = new ActivitySource(name);
        using var meter = new Meter(name);
        var counter = meter.CreateCounter<long>("test.count");
        string traceId;
        using (var tracers = Sdk.CreateTracerProviderBuilder().AddSource(name).AddOtlpExporter(o => target.Configure(o, "traces")).Build())
        using (var meters = Sdk.CreateMeterProviderBuilder().AddMeter(name).AddOtlpExporter(o => target.Configure(o, "metrics")).Build())
        {
            using (var parent = source.StartActivity("parent"))
            {
                traceId = parent!.TraceId.ToHexString();
                using var child = source.StartActivity("child");
                counter.Add(3, new KeyValuePair<string, object?>("sim.tag", "x"));
            }

            tracers.ForceFlush();
            meters.ForceFlush();
        }

        var spans = collector.Spans.Where(s => s.Scope == name).ToList();
        Assert.Equal(2, spans.Count);
        Assert.All(spans, s => Assert.Equal(traceId, s.TraceId));
        var parentSpan = Assert.Single(spans, s => s.Name == "parent");
        Assert.Equal(parentSpan.SpanId, Assert.Single(spans, s => s.Name == "child").ParentSpanId);
        // Cumulative: every export (the flush, then the one on dispose) reports the total so far.
        var points = collector.Points.Where(p => p.Metric == "test.count").ToList();
        Assert.NotEmpty(points);
        Assert.All(points, p => Assert.Equal((3, "x"), (p.Value, p.Attributes["sim.tag"])));
    }

    private static IConfiguration Config((string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
