using OpenTelemetry;
using OpenTelemetry.Metrics;
using Simulator.Chaos;

namespace Simulator.AppHost.Telemetry;

/// <summary>
/// <c>sim toxiproxy-server</c>: the fault proxy as a process of its own. When its environment names an OTLP endpoint
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, which Aspire sets for the <c>fault-proxy</c> resource), the proxy's meter is
/// exported there, configured by the standard <c>OTEL_*</c> variables (protocol, headers, service name, interval).
/// </summary>
public static class FaultProxyProcess
{
    /// <summary>The variable that turns the export on.</summary>
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Runs the proxy until <paramref name="cancellationToken"/> is cancelled; returns its exit code.</summary>
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        // Before anything opens a socket (the exporter's HTTP client included): see InlineSocketCompletions.
        InlineSocketCompletions.TryEnable();
        using var metrics = string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EndpointVariable))
            ? null
            : Sdk.CreateMeterProviderBuilder().AddMeter(ToxiproxyServer.MeterName).AddOtlpExporter().Build();
        return await ToxiproxyServerHost.RunAsync(args, cancellationToken);
    }
}
