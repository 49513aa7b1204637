using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Diagnostics;

/// <summary>
/// The emulator publishes metrics and traces over OTLP when (as under Aspire) an endpoint is configured, and
/// continues the caller's trace, so the dashboard follows an order from the load client into the database.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class TelemetryExportTests(PostgresFixture postgres)
{
    private const string CallerName = "Simulator.Tests.Caller";
    private static readonly ActivitySource Caller = new(CallerName);

    [Fact]
    public async Task With_an_otlp_endpoint_rpc_metrics_and_spans_reach_it_under_the_callers_trace()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("otel"), new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString().TrimEnd('/'),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "300",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "100",
            ["OTEL_SERVICE_NAME"] = "eu-odoo-7",
        });
        var baseUrl = factory.StartListening();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CallerName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);

        ActivityTraceId traceId;
        using (var http = new HttpClient { BaseAddress = baseUrl })
        using (var order = Caller.StartActivity("import order"))
        {
            traceId = order!.TraceId;
            var rpc = new OdooRpcClient(http);
            Assert.NotNull(await rpc.ExecuteKwAsync("sale.order", "create", [Json.Object("""{"partner_id": 1}""")]));
        }

        var traceBytes = new byte[16];
        traceId.CopyTo(traceBytes);
        Assert.True(
            await receiver.WaitForAsync("/v1/traces", TimeSpan.FromSeconds(20), traceBytes, Encoding.UTF8.GetBytes("sale.order.create")),
            $"no span of sale.order.create under trace {traceId}; received {string.Join(", ", receiver.Paths)}");
        Assert.True(
            await receiver.WaitForAsync("/v1/metrics", TimeSpan.FromSeconds(20), Encoding.UTF8.GetBytes("odoo.rpc.calls"), Encoding.UTF8.GetBytes("eu-odoo-7")),
            $"no odoo.rpc.calls from eu-odoo-7; received {string.Join(", ", receiver.Paths)}");
    }

    [Fact]
    public async Task Without_an_endpoint_no_telemetry_pipeline_is_built()
    {
        await using var factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("nootel"));
        factory.StartServer();
        Assert.Null(factory.Services.GetService<TracerProvider>());
    }
}
