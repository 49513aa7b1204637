using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Simulator.OdooEmulator.Diagnostics;

namespace Simulator.OdooEmulator.Hosting;

/// <summary>
/// Publishes the emulator's metrics, traces and logs over OTLP when an endpoint is configured — the Aspire
/// AppHost sets <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> for its projects, so they show in the dashboard. Without
/// one nothing is collected: a run without a dashboard pays nothing for it.
/// </summary>
internal static class OdooEmulatorTelemetryExtensions
{
    /// <summary>The configuration key (environment variable) naming the OTLP endpoint.</summary>
    public const string EndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static WebApplicationBuilder AddOdooEmulatorTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (string.IsNullOrWhiteSpace(builder.Configuration[EndpointKey]))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(EmulatorMetrics.MeterName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context => context.Request.Path != "/web/health")
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(EmulatorTracing.SourceName))
            .UseOtlpExporter();
        return builder;
    }
}
