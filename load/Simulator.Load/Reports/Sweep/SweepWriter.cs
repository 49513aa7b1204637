namespace Simulator.Load.Reports.Sweep;

/// <summary>Writes a sweep's three files (<c>sweep.json</c>, <c>.md</c>, <c>.html</c>) into one folder.</summary>
public static class SweepWriter
{
    /// <summary>Writes the files and returns their paths.</summary>
    public static Task<IReadOnlyList<string>> WriteAllAsync(SweepReport sweep, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        return ReportFiles.WriteAllAsync(
            directory,
            [(SweepJson.FileName, SweepJson.Serialize(sweep)), (SweepMarkdown.FileName, SweepMarkdown.Render(sweep)), (SweepHtml.FileName, SweepHtml.Render(sweep))],
            cancellationToken);
    }
}
