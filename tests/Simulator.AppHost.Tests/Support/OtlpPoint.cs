namespace Simulator.AppHost.Tests;

/// <summary>One number data point (gauge or sum) an exporter sent to the in-test collector.</summary>
/// <param name="Service">The exporting process's <c>service.name</c>.</param>
/// <param name="Metric">The instrument's name.</param>
/// <param name="Attributes">The point's attributes (tags), as text.</param>
/// <param name="Value">Its value.</param>
public sealed record OtlpPoint(string Service, string Metric, IReadOnlyDictionary<string, string> Attributes, double Value);
