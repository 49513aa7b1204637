using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Simulator.Load.Reports;

/// <summary>
/// Renders <c>junit.xml</c> from the report model, in the JUnit XML shape Jenkins, GitLab and GitHub test reporters
/// read: <c>&lt;testsuites&gt;</c> holding one <c>&lt;testsuite&gt;</c> named after the scenario, with one
/// <c>&lt;testcase&gt;</c> per threshold (<c>classname</c> <c>sim.&lt;scenario&gt;</c>, <c>name</c> the threshold as
/// written). A failed threshold carries <c>&lt;failure message="actual …, expected …" type="threshold"&gt;</c>; the suite's
/// <c>&lt;properties&gt;</c> name the topology, runtime and machine, and <c>&lt;system-out&gt;</c> holds report.md.
/// </summary>
public static class ReportJUnit
{
    /// <summary>The conventional file name inside a run's output folder.</summary>
    public const string FileName = "junit.xml";

    /// <summary>Renders the report as JUnit XML.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The XML text, with an XML declaration.</returns>
    public static string Render(LoadReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Document("sim " + Clean(report.Scenario), [Suite(report, Clean(report.Scenario))]);
    }

    /// <summary>
    /// The report's <c>&lt;testsuite&gt;</c> element, named <paramref name="name"/>: a suite of runs
    /// (<c>sim suite</c>) names each one after its scenario and topology. A failed threshold for which
    /// <paramref name="skipReason"/> gives a reason (a suite's known breach) is reported skipped with it, as test runners
    /// report an expected failure, instead of failed.
    /// </summary>
    public static XElement Suite(LoadReport report, string name, Func<ThresholdReport, string?>? skipReason = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        string classname = "sim." + Clean(report.Scenario);
        var failed = report.Thresholds.Where(t => !t.Passed).ToList();
        var skipped = failed.Count(t => skipReason?.Invoke(t) is not null);
        return new XElement(
            "testsuite",
            new XAttribute("name", Clean(name)),
            new XAttribute("tests", report.Thresholds.Count),
            new XAttribute("failures", failed.Count - skipped),
            new XAttribute("errors", 0),
            new XAttribute("skipped", skipped),
            new XAttribute("time", report.DurationSeconds.ToString("0.###", CultureInfo.InvariantCulture)),
            new XAttribute("timestamp", report.StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            new XElement(
                "properties",
                Property("topology", report.Topology),
                Property("runtime", report.Runtime),
                Property("cores", report.Machine.Cores.ToString(CultureInfo.InvariantCulture)),
                Property("os", report.Machine.Os ?? string.Empty),
                Property("dotnet", report.Machine.Dotnet ?? string.Empty),
                Property("cancelled", report.Cancelled ? "true" : "false")),
            report.Thresholds.Select(t => TestCase(t, classname, t.Passed ? null : skipReason?.Invoke(t))),
            new XElement("system-out", Clean(ReportMarkdown.Render(report))));
    }

    /// <summary>
    /// A <c>&lt;testsuites&gt;</c> document named <paramref name="name"/> around <paramref name="suites"/>, its counts
    /// and time summed from theirs; the text, with an XML declaration.
    /// </summary>
    public static string Document(string name, IReadOnlyList<XElement> suites)
    {
        ArgumentNullException.ThrowIfNull(suites);
        double Sum(string attribute) => suites.Sum(s => double.Parse((string?)s.Attribute(attribute) ?? "0", CultureInfo.InvariantCulture));
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "testsuites",
                new XAttribute("name", Clean(name)),
                new XAttribute("tests", Sum("tests")),
                new XAttribute("failures", Sum("failures")),
                new XAttribute("errors", Sum("errors")),
                new XAttribute("skipped", Sum("skipped")),
                new XAttribute("time", Sum("time").ToString("0.###", CultureInfo.InvariantCulture)),
                suites));

        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true }))
        {
            document.Save(writer);
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text.ToString().ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>Renders the report and writes it to <paramref name="path"/>, creating its folder when needed.</summary>
    /// <param name="report">The report.</param>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the file is written.</returns>
    public static Task WriteAsync(LoadReport report, string path, CancellationToken cancellationToken)
    {
        ReportJson.CreateFolderOf(path);
        return File.WriteAllTextAsync(path, Render(report), new UTF8Encoding(false), cancellationToken);
    }

    private static XElement TestCase(ThresholdReport threshold, string classname, string? skipReason)
    {
        var testcase = new XElement(
            "testcase",
            new XAttribute("classname", classname),
            new XAttribute("name", Clean(threshold.Expression)),
            new XAttribute("time", 0));
        if (skipReason is not null)
        {
            testcase.Add(new XElement("skipped", new XAttribute("message", Clean(skipReason))));
        }
        else if (!threshold.Passed)
        {
            testcase.Add(new XElement(
                "failure",
                new XAttribute("message", Clean($"actual {threshold.Actual}, expected {threshold.Expression}")),
                new XAttribute("type", "threshold"),
                Clean($"expected: {threshold.Expression}\nactual:   {threshold.Actual}")));
        }
        else
        {
            testcase.Add(new XElement("system-out", Clean($"actual: {threshold.Actual}")));
        }

        return testcase;
    }

    private static XElement Property(string name, string value)
        => new("property", new XAttribute("name", name), new XAttribute("value", Clean(value)));

    /// <summary>
    /// <paramref name="text"/> without the control characters XML 1.0 cannot carry, even escaped: dropped rather than
    /// writing a file CI cannot parse.
    /// </summary>
    public static string Clean(string text)
        => text.Any(c => !XmlConvert.IsXmlChar(c)) ? new string([.. text.Where(XmlConvert.IsXmlChar)]) : text;
}
