namespace Simulator.AppHost.Tests;

/// <summary>A span an exporter sent to the in-test collector.</summary>
/// <param name="Service">The exporting process's <c>service.name</c>.</param>
/// <param name="Scope">The instrumentation scope (activity source) that made it.</param>
/// <param name="Name">The span's name.</param>
/// <param name="TraceId">Trace id, hex.</param>
/// <param name="SpanId">Span id, hex.</param>
/// <param name="ParentSpanId">Parent span id, hex; empty for a root span.</param>
public sealed record OtlpSpan(string Service, string Scope, string Name, string TraceId, string SpanId, string ParentSpanId);
