using System.Globalization;
using System.Text;

namespace Simulator.Load.Reports.Comparison;

/// <summary>Renders <c>comparison.md</c>: the verdict per topology, the side-by-side table, what failed where, and links to each run's report.</summary>
public static class ComparisonMarkdown
{
    /// <summary>The conventional file name inside a comparison's output folder.</summary>
    public const string FileName = "comparison.md";

    /// <summary>Renders the comparison as Markdown, ending with a newline.</summary>
    public static string Render(ComparisonReport comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var md = new StringBuilder();
        var topologies = comparison.Runs.Select(r => $"`{r.Topology}`");
        md.Append(comparison.Passed ? "## ✅ " : "## ❌ ")
            .Append(CultureInfo.InvariantCulture, $"{comparison.Scenario} on {string.Join(", ", topologies)}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Runtime `{comparison.Runtime}` · {comparison.Machine.Cores} cores · ");
        md.Append(CultureInfo.InvariantCulture, $"started {comparison.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC · runs one after another on the same machine\n\n");

        md.Append("| |").AppendJoin(string.Empty, comparison.Runs.Select(r => $" {Cell(r.Topology)} |")).Append('\n');
        md.Append("|---|").AppendJoin(string.Empty, comparison.Runs.Select(_ => "---:|")).Append('\n');
        foreach (var (label, cells) in ComparisonTable.Rows(comparison))
        {
            md.Append(CultureInfo.InvariantCulture, $"| {Cell(label)} |").AppendJoin(string.Empty, cells.Select(c => $" {Cell(c)} |")).Append('\n');
        }

        MarkdownSections.AppendList(md, "Failed thresholds", comparison.Runs.SelectMany(run =>
            run.FailedThresholds.Select(t => $"`{run.Topology}`: `{t.Expression}` — actual {t.Actual}")));

        md.Append("\n### Full reports\n\n");
        foreach (var run in comparison.Runs)
        {
            md.Append(CultureInfo.InvariantCulture, $"- `{run.Topology}`: [{run.ReportPath}]({run.ReportPath})\n");
        }

        return md.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
