using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace Simulator.AppHost.Telemetry;

/// <summary>
/// Where telemetry of the AppHost's own process goes: the dashboard's OTLP endpoint, found the way Aspire finds it
/// for the resources it starts (<c>ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL</c> for gRPC, preferred, else
/// <c>ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL</c>; the API key <c>AppHost:OtlpApiKey</c> in the
/// <c>x-otlp-api-key</c> header).
/// </summary>
/// <param name="Endpoint">The collector's base address.</param>
/// <param name="Protocol">gRPC or HTTP/protobuf.</param>
/// <param name="Headers">Extra headers in the <c>OTEL_EXPORTER_OTLP_HEADERS</c> form, or null.</param>
public sealed record OtlpTarget(Uri Endpoint, OtlpExportProtocol Protocol, string? Headers)
{
    /// <summary>The dashboard's gRPC OTLP address setting.</summary>
    public const string GrpcUrlKey = "ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL";

    /// <summary>The dashboard's HTTP/protobuf OTLP address setting.</summary>
    public const string HttpUrlKey = "ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL";

    /// <summary>The OTLP API key Aspire generates for a dashboard that requires one.</summary>
    public const string ApiKeyKey = "AppHost:OtlpApiKey";

    /// <summary>
    /// The target named by <paramref name="configuration"/>; null when no OTLP address is configured, so a run without
    /// a dashboard (<c>sim run</c>) exports nothing rather than to an address nobody listens on.
    /// </summary>
    public static OtlpTarget? FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var headers = configuration[ApiKeyKey] is { Length: > 0 } key ? $"x-otlp-api-key={key}" : null;
        if (configuration[GrpcUrlKey] is { Length: > 0 } grpc)
        {
            return new OtlpTarget(new Uri(grpc), OtlpExportProtocol.Grpc, headers);
        }

        return configuration[HttpUrlKey] is { Length: > 0 } http
            ? new OtlpTarget(new Uri(http), OtlpExportProtocol.HttpProtobuf, headers)
            : null;
    }

    /// <summary>Points <paramref name="options"/> at this target for one signal (<c>traces</c>, <c>metrics</c>).</summary>
    public void Configure(OtlpExporterOptions options, string signal)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Protocol = Protocol;
        // Set in code, the HTTP exporter takes the address as the signal's full path; gRPC takes the base.
        options.Endpoint = Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(Endpoint, Endpoint.AbsolutePath.TrimEnd('/') + "/v1/" + signal)
            : Endpoint;
        if (Headers is not null)
        {
            options.Headers = Headers;
        }
    }
}
