using System.Globalization;
using System.Text;

namespace Simulator.Load.Reports.Suite;

/// <summary>Renders <c>suite.md</c>: one line per run, failures spelled out below, short enough for a CI job summary.</summary>
public static class SuiteMarkdown
{
    /// <summary>The conventional file name inside the suite's output folder.</summary>
    public const string FileName = "suite.md";

    /// <summary>Renders the suite's summary.</summary>
    public static string Render(SuiteReport suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var text = new StringBuilder();
        var passed = suite.Runs.Count(r => r.Verdict == SuiteVerdicts.Passed);
        text.Append(CultureInfo.InvariantCulture, $"## {(suite.Passed ? "✅" : "❌")} suite {suite.Suite}: {passed} of {suite.Runs.Count} runs passed\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Runtime `{suite.Runtime}` · {suite.Machine.Cores} cores · started {suite.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC · runs one after another on the same machine\n\n");
        text.Append("| scenario | topology | verdict | wall time | stand-up | RTO | lost / acknowledged | report |\n");
        text.Append("|---|---|---|---:|---|---:|---:|---|\n");
        foreach (var run in suite.Runs)
        {
            var icon = run.Verdict switch
            {
                SuiteVerdicts.Passed => "✅ ",
                SuiteVerdicts.Failed or SuiteVerdicts.Error => "❌ ",
                _ => string.Empty,
            };
            var rto = run.RtoSeconds is { } seconds ? string.Create(CultureInfo.InvariantCulture, $"{seconds:0.0} s") : "—";
            var lost = run.LostWrites is { } l ? string.Create(CultureInfo.InvariantCulture, $"{l} / {run.AcknowledgedWrites}") : "—";
            var report = run.Report is null ? "—" : $"[report.json]({run.Report})";
            var known = run.KnownBreaches.Count switch
            {
                0 => string.Empty,
                1 => " (1 known breach)",
                var n => string.Create(CultureInfo.InvariantCulture, $" ({n} known breaches)"),
            };
            text.Append(CultureInfo.InvariantCulture, $"| {run.Scenario} | `{run.Topology}` | {icon}{run.Verdict}{known} | {run.WallSeconds:0} s | {StandUp(run)} | {rto} | {lost} | {report} |\n");
        }

        MarkdownSections.AppendList(text, "What failed", suite.Runs.SelectMany(run =>
            run.FailedThresholds.Select(t => $"{On(run)}: `{t.Expression}` — actual {t.Actual}")
                .Concat(run.Error is null ? [] : [$"{On(run)} did not run to its end: {run.Error.ReplaceLineEndings(" ")}"])));

        // The breaches the suite expected, with their reasons, and those it expected that did not happen.
        MarkdownSections.AppendList(text, "Known breaches (listed in the suite: they do not fail it)", suite.Runs.SelectMany(run =>
            run.KnownBreaches.Select(b => $"{On(run)}: `{b.Expression}` — actual {b.Actual}; {b.Reason}")));
        MarkdownSections.AppendList(text, "Listed as known breaches but met this time (remove them from the suite if it lasts)", suite.Runs.SelectMany(run =>
            run.KnownBreachesMet.Select(t => $"{On(run)}: `{t}`")));
        return text.ToString();
    }

    private static string On(SuiteRunReport run) => $"{run.Scenario} on `{run.Topology}`";

    /// <summary>How the run got its topology: reused after a reset of so long, or a fresh stand-up of so long.</summary>
    private static string StandUp(SuiteRunReport run) => run switch
    {
        { ReusedStandUp: true, ResetSeconds: { } reset } => string.Create(CultureInfo.InvariantCulture, $"reused, reset {reset:0.0} s"),
        { ReusedStandUp: true } => "reused",
        { StandUpSeconds: { } seconds } => string.Create(CultureInfo.InvariantCulture, $"fresh, {seconds:0.0} s"),
        _ => "—",
    };
}
