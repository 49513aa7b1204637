using Simulator.Load.Reports;
using Simulator.Load.Reports.Suite;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>
/// Sorts a run's thresholds against the breaches its suite entry lists as known (<c>known_breaches</c>), the way a
/// test runner sorts expected failures: a known breach that happened does not fail the run but is listed with its
/// reason; one that did not happen is listed too, so the entry can be removed once the topology meets it.
/// </summary>
public static class KnownBreachVerdict
{
    /// <summary>
    /// The failed thresholds no known breach names (these fail the run), the known breaches that happened (with the
    /// actual value and the reason), and the known breaches that were met this time.
    /// </summary>
    public static (IReadOnlyList<ThresholdReport> Unexplained, IReadOnlyList<KnownBreachReport> Happened, IReadOnlyList<string> Met) Sort(
        IReadOnlyList<ThresholdReport> thresholds, IReadOnlyList<KnownBreach> known)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(known);
        var unexplained = new List<ThresholdReport>();
        var happened = new List<KnownBreachReport>();
        foreach (var threshold in thresholds.Where(t => !t.Passed))
        {
            if (known.FirstOrDefault(k => k.Names(threshold.Expression)) is { } breach)
            {
                happened.Add(new KnownBreachReport(threshold.Expression, threshold.Actual, breach.Reason));
            }
            else
            {
                unexplained.Add(threshold);
            }
        }

        var met = known.Where(k => thresholds.Any(t => t.Passed && k.Names(t.Expression))).Select(k => k.Threshold).ToList();
        return (unexplained, happened, met);
    }
}
