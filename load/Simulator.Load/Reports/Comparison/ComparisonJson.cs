using System.Text.Json;

namespace Simulator.Load.Reports.Comparison;

/// <summary>Writes and reads <c>comparison.json</c>, with <c>report.json</c>'s settings.</summary>
public static class ComparisonJson
{
    /// <summary>The conventional file name inside a comparison's output folder.</summary>
    public const string FileName = "comparison.json";

    /// <summary>Serializes a comparison.</summary>
    public static string Serialize(ComparisonReport comparison) => JsonSerializer.Serialize(comparison, ReportJson.Options);

    /// <summary>Parses a comparison.</summary>
    /// <exception cref="JsonException">The text is not a comparison.</exception>
    public static ComparisonReport Deserialize(string json)
        => JsonSerializer.Deserialize<ComparisonReport>(json, ReportJson.Options) ?? throw new JsonException("comparison.json holds null");
}
