namespace Simulator.Load.Reports;

/// <summary>
/// Writes every report of a run into its output folder, all rendered from the one report model so they agree:
/// <c>report.json</c> (the source of truth), <c>report.md</c>, <c>report.html</c>, <c>junit.xml</c> and
/// <c>timeline.csv</c>. (<c>ledger.jsonl</c> is written during the run by <see cref="Ledger.LedgerWriter"/>.)
/// </summary>
public static class ReportWriter
{
    /// <summary>The files <see cref="WriteAllAsync"/> writes, in order.</summary>
    public static IReadOnlyList<string> FileNames { get; } =
        [ReportJson.FileName, ReportMarkdown.FileName, ReportHtml.FileName, ReportJUnit.FileName, ReportTimelineCsv.FileName];

    /// <summary>Writes all five reports into <paramref name="directory"/>, creating it when needed.</summary>
    /// <param name="report">The report model.</param>
    /// <param name="directory">The run's output folder.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>The paths written, in the order of <see cref="FileNames"/>.</returns>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(LoadReport report, string directory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        string Path(string name) => System.IO.Path.Combine(directory, name);
        await ReportJson.WriteAsync(report, Path(ReportJson.FileName), cancellationToken).ConfigureAwait(false);
        await ReportMarkdown.WriteAsync(report, Path(ReportMarkdown.FileName), cancellationToken).ConfigureAwait(false);
        await ReportHtml.WriteAsync(report, Path(ReportHtml.FileName), cancellationToken).ConfigureAwait(false);
        await ReportJUnit.WriteAsync(report, Path(ReportJUnit.FileName), cancellationToken).ConfigureAwait(false);
        await ReportTimelineCsv.WriteAsync(report, Path(ReportTimelineCsv.FileName), cancellationToken).ConfigureAwait(false);
        return [.. FileNames.Select(Path)];
    }
}
