using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.AppHost.Telemetry;
using Simulator.AppHost.Topology;
using Simulator.Load.Telemetry;
using Xunit.Abstractions;

namespace Simulator.AppHost.Tests.Telemetry;

/// <summary>
/// A short run of the two-region topology exporting to an in-test OTLP collector in place of the dashboard: the load
/// client's spans and the emulator's (with its database calls) form one trace per order, the fault proxy's metrics
/// count the bytes that crossed the link, and the AppHost publishes each replica's lag.
/// </summary>
public sealed class LiveTelemetryTests(ITestOutputHelper log)
{
    private const string Link = "us->eu:postgres";

    [Fact]
    public async Task An_order_is_one_trace_from_the_load_client_to_the_database_and_the_proxy_and_lag_metrics_arrive()
    {
        await using var collector = OtlpCollector.Start();
        var output = Fixtures.TempFolder();
        var scenario = ScenarioFiles.Load(Fixtures.Path("telemetry-import.yaml"), durationOverride: null, Console.Error);
        Assert.NotNull(scenario);
        var run = new ScenarioRun(scenario, TopologyCatalog.TwoRegion, output, TextWriter.Null)
        {
            CreateBuilder = () =>
            {
                var builder = TestingBuilders.Create();
                // As the dashboard's OTLP/HTTP address would be: Aspire hands it to the resources, the AppHost uses it too.
                // The testing builder names a gRPC address of its own (which would win); the collector speaks HTTP.
                builder.Configuration[OtlpTarget.GrpcUrlKey] = null;
                builder.Configuration[OtlpTarget.HttpUrlKey] = collector.Url.ToString();
                return builder;
            },
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));

        var report = await run.RunAsync(TimeProvider.System, timeout.Token);
        Assert.True(report.Workloads.Single().Ok > 0, "no order was acknowledged");
        // Exporters flush on shutdown; give the last batch a moment to land.
        await WaitUntilAsync(() => EmulatorSpansUnderLoadSpans(collector.Spans).Count > 0, TimeSpan.FromSeconds(15));
        var spans = collector.Spans;
        var points = collector.Points;
        log.WriteLine($"{spans.Count} spans from {string.Join(", ", spans.Select(s => s.Service).Distinct())}; {points.Count} points");

        // One trace: a load operation span (AppHost, the load client) is an ancestor of the emulator's server span
        // (through the HTTP client's span, over HAProxy), and the emulator's database spans (Npgsql) share its trace id.
        var loadSpans = spans.Where(s => s.Service == LiveTelemetry.ServiceName && s.Scope == LoadTelemetry.Name).ToList();
        Assert.NotEmpty(loadSpans);
        var joined = EmulatorSpansUnderLoadSpans(spans);
        Assert.NotEmpty(joined);
        var traceIds = joined.Select(s => s.TraceId).ToHashSet();
        Assert.Contains(spans, s => traceIds.Contains(s.TraceId) && s.Scope == "Npgsql" && s.Service.StartsWith("us-odoo-", StringComparison.Ordinal));

        // The fault proxy's bytes through the link the US writes take, in both directions.
        foreach (var direction in new[] { "upstream", "downstream" })
        {
            var bytes = points.Where(p => p.Service == "fault-proxy" && p.Metric == "sim.proxy.bytes"
                && p.Attributes.GetValueOrDefault("sim.proxy") == Link && p.Attributes.GetValueOrDefault("sim.direction") == direction);
            Assert.True(bytes.Any(p => p.Value > 0), $"no {direction} bytes reported for {Link}");
        }

        Assert.Contains(points, p => p.Service == "fault-proxy" && p.Metric == "sim.proxy.connections.active" && p.Value > 0);

        // Replication lag of each replica, with its region: the eu standby and the us replica.
        var lag = points.Where(p => p.Service == LiveTelemetry.ServiceName && p.Metric == "sim.replication.lag.bytes").ToList();
        Assert.Contains(lag, p => p.Attributes.GetValueOrDefault("sim.region") == "eu" && p.Value >= 0);
        Assert.Contains(lag, p => p.Attributes.GetValueOrDefault("sim.region") == "us" && p.Value >= 0);
        Assert.Contains(points, p => p.Service == LiveTelemetry.ServiceName && p.Metric == "sim.replication.lag");

        // The load engine's own metrics came through the same exporter.
        Assert.Contains(points, p => p.Service == LiveTelemetry.ServiceName && p.Metric == "sim.load.operations" && p.Value > 0);
    }

    /// <summary>Emulator spans descending from a load-client span (through the HTTP client's span) in the same trace.</summary>
    private static List<OtlpSpan> EmulatorSpansUnderLoadSpans(IReadOnlyList<OtlpSpan> spans)
    {
        var byId = spans.GroupBy(s => s.SpanId).ToDictionary(g => g.Key, g => g.First());
        return [.. spans.Where(s => s.Service.StartsWith("us-odoo-", StringComparison.Ordinal) && HasLoadAncestor(s))];

        bool HasLoadAncestor(OtlpSpan span)
        {
            for (var hops = 0; hops < 10 && byId.TryGetValue(span.ParentSpanId, out var parent) && parent.TraceId == span.TraceId; hops++)
            {
                if (parent.Scope == LoadTelemetry.Name)
                {
                    return true;
                }

                span = parent;
            }

            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }
    }
}
