namespace Simulator.Load.Reports.Suite;

/// <summary>Writes a suite's three files (<c>suite.json</c>, <c>suite.md</c>, <c>junit.xml</c>) into its folder.</summary>
public static class SuiteWriter
{
    /// <summary>The suite's JSON file name.</summary>
    public const string JsonFileName = "suite.json";

    /// <summary>Writes the files and returns their paths; <paramref name="reports"/> holds each run's report, null where it wrote none.</summary>
    public static Task<IReadOnlyList<string>> WriteAllAsync(
        SuiteReport suite, IReadOnlyList<LoadReport?> reports, string directory, CancellationToken cancellationToken) =>
        ReportFiles.WriteAllAsync(
            directory,
            [
                (JsonFileName, System.Text.Json.JsonSerializer.Serialize(suite, ReportJson.Options)),
                (SuiteMarkdown.FileName, SuiteMarkdown.Render(suite)),
                (ReportJUnit.FileName, SuiteJUnit.Render(suite, reports)),
            ],
            cancellationToken);
}
