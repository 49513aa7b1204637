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

        var problems = suite.Runs.Where(r => r.FailedThresholds.Count > 0 || r.Error is not null).ToList();
        if (problems.Count > 0)
        {
            text.Append("\n### What failed\n\n");
            foreach (var run in problems)
            {
                foreach (var threshold in run.FailedThresholds)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- {run.Scenario} on `{run.Topology}`: `{threshold.Expression}` — actual {threshold.Actual}\n");
                }

                if (run.Error is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- {run.Scenario} on `{run.Topology}` did not run to its end: {run.Error.ReplaceLineEndings(" ")}\n");
                }
            }
        }

        AppendKnownBreaches(text, suite);
        return text.ToString();
    }

    /// <summary>The breaches the suite expected, with their reasons, and those it expected that did not happen.</summary>
    private static void AppendKnownBreaches(StringBuilder text, SuiteReport suite)
    {
        var breached = suite.Runs.Where(r => r.KnownBreaches.Count > 0).ToList();
        if (breached.Count > 0)
        {
            text.Append("\n### Known breaches (listed in the suite: they do not fail it)\n\n");
            foreach (var run in breached)
            {
                foreach (var breach in run.KnownBreaches)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- {run.Scenario} on `{run.Topology}`: `{breach.Expression}` — actual {breach.Actual}; {breach.Reason}\n");
                }
            }
        }

        var met = suite.Runs.Where(r => r.KnownBreachesMet.Count > 0).ToList();
        if (met.Count > 0)
        {
            text.Append("\n### Listed as known breaches but met this time (remove them from the suite if it lasts)\n\n");
            foreach (var run in met)
            {
                foreach (var threshold in run.KnownBreachesMet)
                {
                    text.Append(CultureInfo.InvariantCulture, $"- {run.Scenario} on `{run.Topology}`: `{threshold}`\n");
                }
            }
        }
    }

    /// <summary>How the run got its topology: reused after a reset of so long, or a fresh stand-up of so long.</summary>
    private static string StandUp(SuiteRunReport run) => run switch
    {
        { ReusedStandUp: true, ResetSeconds: { } reset } => string.Create(CultureInfo.InvariantCulture, $"reused, reset {reset:0.0} s"),
        { ReusedStandUp: true } => "reused",
        { StandUpSeconds: { } seconds } => string.Create(CultureInfo.InvariantCulture, $"fresh, {seconds:0.0} s"),
        _ => "—",
    };
}
