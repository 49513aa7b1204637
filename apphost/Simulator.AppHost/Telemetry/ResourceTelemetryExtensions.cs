namespace Simulator.AppHost.Telemetry;

/// <summary>How the resources that export telemetry to the dashboard do it.</summary>
public static class ResourceTelemetryExtensions
{
    private const string OneSecond = "1000";

    /// <summary>
    /// Makes every resource that exports OTLP (<c>WithOtlpExporter</c>, and every project) send what it has each
    /// second. Aspire sets these only when the AppHost runs in the Development environment; <c>sim</c> runs in
    /// Production, where the SDK defaults (metrics every 60 s, spans every 5 s) would leave the dashboard's live
    /// view a minute behind. Values the user set are kept.
    /// </summary>
    public static IDistributedApplicationBuilder WithLiveTelemetryIntervals(this IDistributedApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            foreach (var resource in @event.Model.Resources.Where(r => r.Annotations.OfType<OtlpExporterAnnotation>().Any()))
            {
                resource.Annotations.Add(new EnvironmentCallbackAnnotation(context =>
                {
                    context.EnvironmentVariables.TryAdd("OTEL_METRIC_EXPORT_INTERVAL", OneSecond);
                    context.EnvironmentVariables.TryAdd("OTEL_BSP_SCHEDULE_DELAY", OneSecond);
                    context.EnvironmentVariables.TryAdd("OTEL_BLRP_SCHEDULE_DELAY", OneSecond);
                }));
            }

            return Task.CompletedTask;
        });
        return builder;
    }
}
