namespace Simulator.Load.Reports.Comparison;

/// <summary>Writes a comparison's three files (<c>comparison.json</c>, <c>.md</c>, <c>.html</c>) into one folder.</summary>
public static class ComparisonWriter
{
    /// <summary>Writes the files and returns their paths. <paramref name="reports"/> are the runs' full reports, in order.</summary>
    public static Task<IReadOnlyList<string>> WriteAllAsync(
        ComparisonReport comparison, IReadOnlyList<LoadReport> reports, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return ReportFiles.WriteAllAsync(
            directory,
            [
                (ComparisonJson.FileName, ComparisonJson.Serialize(comparison)),
                (ComparisonMarkdown.FileName, ComparisonMarkdown.Render(comparison)),
                (ComparisonHtml.FileName, ComparisonHtml.Render(comparison, reports)),
            ],
            cancellationToken);
    }
}
