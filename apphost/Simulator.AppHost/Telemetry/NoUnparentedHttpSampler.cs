using OpenTelemetry.Trace;

namespace Simulator.AppHost.Telemetry;

/// <summary>
/// Root sampler of the AppHost's tracer: keeps every root span except HTTP client calls that belong to no operation
/// — Aspire's health checks, polled every few seconds per resource — which would bury the load's traces. HTTP calls
/// a load operation makes have a parent and follow it.
/// </summary>
internal sealed class NoUnparentedHttpSampler : Sampler
{
    /// <summary>The operation name .NET gives its HTTP client spans.</summary>
    public const string HttpClientOperation = "System.Net.Http.HttpRequestOut";

    /// <summary>The activity source those spans come from.</summary>
    public const string HttpClientSource = "System.Net.Http";

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        new(samplingParameters.Name == HttpClientOperation ? SamplingDecision.Drop : SamplingDecision.RecordAndSample);
}
