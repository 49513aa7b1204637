using System.Xml.Linq;

namespace Simulator.Load.Reports.Suite;

/// <summary>
/// Renders the suite's <c>junit.xml</c>: each run's own test suite (one test case per threshold, as
/// <see cref="ReportJUnit"/>), named <c>&lt;scenario&gt; on &lt;topology&gt;</c>; a run that could not run is a suite
/// with one errored test case, so the CI's test tab shows it instead of leaving it out.
/// </summary>
public static class SuiteJUnit
{
    /// <summary>Renders the document; <paramref name="reports"/> holds each run's report, null where it wrote none.</summary>
    public static string Render(SuiteReport suite, IReadOnlyList<LoadReport?> reports)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(reports);
        if (reports.Count != suite.Runs.Count)
        {
            throw new ArgumentException($"{reports.Count} reports for {suite.Runs.Count} runs", nameof(reports));
        }

        var suites = suite.Runs.Select((run, i) =>
        {
            var name = $"{run.Scenario} on {run.Topology}";
            if (reports[i] is { } report)
            {
                var element = ReportJUnit.Suite(report, name, t => KnownBreachMessage(run, t));
                if (run.Error is not null)
                {
                    element.Add(Errored(run, name));
                    element.SetAttributeValue("tests", (int)element.Attribute("tests")! + 1);
                    element.SetAttributeValue("errors", 1);
                }

                return element;
            }

            return new XElement(
                "testsuite",
                new XAttribute("name", ReportJUnit.Clean(name)),
                new XAttribute("tests", 1),
                new XAttribute("failures", 0),
                new XAttribute("errors", run.Verdict == SuiteVerdicts.NotRun ? 0 : 1),
                new XAttribute("skipped", run.Verdict == SuiteVerdicts.NotRun ? 1 : 0),
                new XAttribute("time", run.WallSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)),
                run.Verdict == SuiteVerdicts.NotRun
                    ? new XElement("testcase", new XAttribute("classname", "sim." + ReportJUnit.Clean(run.Scenario)), new XAttribute("name", "run"), new XElement("skipped", new XAttribute("message", "the suite was interrupted before this run")))
                    : Errored(run, name));
        }).ToList();
        return ReportJUnit.Document("sim suite " + suite.Suite, suites);
    }

    /// <summary>
    /// Why a failed threshold is a known breach of the run, or null: its test case is then skipped with that reason
    /// instead of failed, so a CI's test tab still shows it without failing the build.
    /// </summary>
    private static string? KnownBreachMessage(SuiteRunReport run, ThresholdReport threshold) =>
        run.KnownBreaches.FirstOrDefault(b => b.Expression == threshold.Expression) is { } breach
            ? $"known breach: actual {breach.Actual}; {breach.Reason}"
            : null;

    private static XElement Errored(SuiteRunReport run, string name) => new(
        "testcase",
        new XAttribute("classname", "sim." + ReportJUnit.Clean(run.Scenario)),
        new XAttribute("name", "run"),
        new XElement(
            "error",
            new XAttribute("message", ReportJUnit.Clean($"{name} did not run to its end")),
            new XAttribute("type", "environment"),
            ReportJUnit.Clean(run.Error ?? run.Verdict)));
}
