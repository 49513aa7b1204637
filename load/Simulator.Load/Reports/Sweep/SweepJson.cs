using System.Text.Json;

namespace Simulator.Load.Reports.Sweep;

/// <summary>Writes and reads <c>sweep.json</c>, with <c>report.json</c>'s settings.</summary>
public static class SweepJson
{
    /// <summary>The conventional file name inside a sweep's output folder.</summary>
    public const string FileName = "sweep.json";

    /// <summary>Serializes a sweep.</summary>
    public static string Serialize(SweepReport sweep) => JsonSerializer.Serialize(sweep, ReportJson.Options);

    /// <summary>Parses a sweep.</summary>
    /// <exception cref="JsonException">The text is not a sweep.</exception>
    public static SweepReport Deserialize(string json)
        => JsonSerializer.Deserialize<SweepReport>(json, ReportJson.Options) ?? throw new JsonException("sweep.json holds null");
}
