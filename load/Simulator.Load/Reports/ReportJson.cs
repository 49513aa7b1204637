using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulator.Load.Reports;

/// <summary>Writes and reads <c>report.json</c>: camelCase, indented, nulls written (a null means "not measured").</summary>
public static class ReportJson
{
    /// <summary>The conventional file name inside a run's output folder.</summary>
    public const string FileName = "report.json";

    /// <summary>The serializer settings of <c>report.json</c>.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,

        // report.json is a file people and tools read, never inlined in HTML: keep thresholds' "<" and ">" as written.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>Serializes a report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(LoadReport report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Parses a report.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The report.</returns>
    /// <exception cref="JsonException">The text is not a report.</exception>
    public static LoadReport Deserialize(string json)
        => JsonSerializer.Deserialize<LoadReport>(json, Options) ?? throw new JsonException("report.json holds null");

    /// <summary>Writes a report to <paramref name="path"/>, creating its folder when needed.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static async Task WriteAsync(LoadReport report, string path, CancellationToken cancellationToken)
    {
        CreateFolderOf(path);
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, report, Options, cancellationToken);
    }

    /// <summary>Reads a report from <paramref name="path"/>.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The report.</returns>
    public static async Task<LoadReport> ReadAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<LoadReport>(stream, Options, cancellationToken)
            ?? throw new JsonException($"{path} holds null");
    }

    internal static void CreateFolderOf(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }
}
