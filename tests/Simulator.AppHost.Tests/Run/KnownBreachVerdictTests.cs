using Simulator.AppHost.Run;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Suite;
using Simulator.Scenarios;

namespace Simulator.AppHost.Tests.Run;

public sealed class KnownBreachVerdictTests
{
    [Fact]
    public void Only_failed_thresholds_no_known_breach_names_fail_a_run_and_a_known_breach_met_is_reported()
    {
        ThresholdReport[] thresholds =
        [
            new("order-import@us.p99 < 5000ms", "16859 ms", false),
            new("order-import.error_rate < 1%", "16.25%", false),
            new("lost_writes == 0", "0", true),
        ];
        KnownBreach[] known =
        [
            new("order-import@us.p99  <  5000ms", "us writes cross 80 ms", 3, 9),
            new("lost_writes == 0", "asynchronous", 4, 9),
        ];

        var (unexplained, happened, met) = KnownBreachVerdict.Sort(thresholds, known);

        Assert.Equal(["order-import.error_rate < 1%"], unexplained.Select(t => t.Expression));
        Assert.Equal([new KnownBreachReport("order-import@us.p99 < 5000ms", "16859 ms", "us writes cross 80 ms")], happened);
        Assert.Equal(["lost_writes == 0"], met);
        Assert.Equal(thresholds.Where(t => !t.Passed), KnownBreachVerdict.Sort(thresholds, []).Unexplained);
    }
}
