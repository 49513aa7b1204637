using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Measurement;
using Simulator.Load.Progress;
using Simulator.Load.Reports;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Progress;

public class LiveProgressPrinterTests
{
    private static IntervalProgress Second(int second, string workload, int index, int of, long ok, long failed = 0, long dropped = 0, double? p99 = 120)
        => new(workload, "eu", new IntervalSnapshot(second, ok + failed, ok, failed, dropped, 0, 40, p99) { Started = ok + failed, Arrivals = ok + failed + dropped })
        {
            Index = index,
            Of = of,
        };

    [Fact]
    public void Plain_mode_prints_every_workload_every_few_seconds_and_faults_as_they_fire()
    {
        var output = new StringWriter();
        var printer = new LiveProgressPrinter(output, TimeSpan.FromSeconds(10), interactive: false, everySeconds: 5);

        for (int s = 0; s < 7; s++)
        {
            if (s == 3)
            {
                printer.ReportFault(new FaultReport("kill", "leader", 3.2, null));
            }

            printer.Report(Second(s, "order-import", 0, 2, ok: 20, failed: s == 4 ? 2 : 0));
            printer.Report(Second(s, "warehouse-scan", 1, 2, ok: 50, dropped: 1, p99: s == 4 ? null : 80));
        }

        printer.ReportFault(new FaultReport("kill", "leader", 3.2, 5.7));
        printer.Complete();

        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.DoesNotContain('\u001b', output.ToString());
        Assert.Equal(
        [
            "[   3.2s] fault started: kill leader",
            "[5s of 10s, 5s left] order-import@eu       22/s  p99   120 ms  errors    2/s (2 total, 1.96%)  dropped    0/s (0 total)",
            "[5s of 10s, 5s left] warehouse-scan@eu     50/s  p99        —  errors    0/s (0 total, 0%)  dropped    1/s (5 total)",
            "[   5.7s] fault healed: kill leader (after 2.5 s)",
            "[7s of 10s, 3s left] order-import@eu       20/s  p99   120 ms  errors    0/s (2 total, 1.41%)  dropped    0/s (0 total)",
            "[7s of 10s, 3s left] warehouse-scan@eu     50/s  p99    80 ms  errors    0/s (0 total, 0%)  dropped    1/s (7 total)",
        ],
        lines);
    }

    [Fact]
    public void On_a_terminal_the_block_is_redrawn_in_place_every_second()
    {
        var output = new StringWriter();
        var printer = new LiveProgressPrinter(output, TimeSpan.FromSeconds(4), interactive: true);

        printer.Report(Second(0, "order-import", 0, 1, ok: 20));
        string first = output.ToString();
        printer.Report(Second(1, "order-import", 0, 1, ok: 18, failed: 2));
        printer.ReportFault(new FaultReport("partition", "apac", 1.5, null));
        printer.Complete();
        string all = output.ToString();

        Assert.Equal("[#####...............] 1s of 4s, 3s left\n  order-import@eu     20/s  p99   120 ms  errors    0/s (0 total, 0%)  dropped    0/s (0 total)\n", first);
        // Each redraw moves up over the two lines drawn and clears to the end of the screen.
        string redraw = all[first.Length..];
        Assert.StartsWith("\u001b[2F\u001b[0J[##########..........] 2s of 4s, 2s left\n", redraw, StringComparison.Ordinal);
        Assert.Contains("\u001b[2F\u001b[0J[   1.5s] fault started: partition apac\n[##########", redraw, StringComparison.Ordinal);
        Assert.EndsWith("  faults: partition apac since 1.5 s (active)\n", all, StringComparison.Ordinal);
        Assert.Equal(3, all.Split("\u001b[3F\u001b[0J").Length - 1 + all.Split("\u001b[2F\u001b[0J").Length - 1);
    }

    [Fact]
    public void A_redirected_console_or_any_other_writer_gets_plain_lines_by_default()
    {
        Assert.False(new LiveProgressPrinter(new StringWriter(), TimeSpan.FromSeconds(1)).Interactive);
    }

    [Fact]
    public async Task It_is_what_a_run_reports_its_seconds_to()
    {
        var time = new FakeTimeProvider();
        var output = new StringWriter();
        var printer = new LiveProgressPrinter(output, TimeSpan.FromSeconds(2), interactive: false, everySeconds: 1);
        var plan = new LoadPlan(TimeSpan.FromSeconds(2),
        [
            new WorkloadPlan("a", "eu", new ConstantRate(10)),
            new WorkloadPlan("b", "us", new ConstantConcurrency(2)),
        ]) { GracePeriod = TimeSpan.FromSeconds(1) };

        var run = LoadRun.RunAsync(plan, [DelegateWorkload.Taking(time, TimeSpan.FromMilliseconds(50)), DelegateWorkload.Taking(time, TimeSpan.FromMilliseconds(100))], new LoadRunOptions { Progress = printer }, time, CancellationToken.None);
        await time.AdvanceAsync(TimeSpan.FromSeconds(3));
        await run.Guarded();
        printer.Complete();

        // Seconds 0 and 1, then the partial second 2 in which the last iterations finished.
        var lines = output.ToString().ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');
        Assert.Equal(6, lines.Length);
        Assert.StartsWith("[1s of 2s, 1s left] a@eu     10/s", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("[1s of 2s, 1s left] b@us     20/s", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("[2s of 2s, 0s left] a@eu", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("[3s of 2s, finishing in-flight iterations] b@us      0/s", lines[5], StringComparison.Ordinal);
    }
}
