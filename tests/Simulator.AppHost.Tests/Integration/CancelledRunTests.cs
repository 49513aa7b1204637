using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Load.Ledger;
using Simulator.Load.Reports;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// Ctrl-C in <c>sim run</c> cancels the run's token (<see cref="ConsoleCancellation"/>); this drives
/// the same cancellation mid-load and checks nothing is left behind and the report is still written.
/// </summary>
public sealed class CancelledRunTests
{
    [Fact]
    public async Task Cancelling_during_the_load_tears_everything_down_and_still_writes_the_report()
    {
        var output = Fixtures.TempFolder();
        var scenario = ScenarioFiles.Load(Fixtures.Path("short-import.yaml"), "60s", Console.Error);
        Assert.NotNull(scenario);
        using var interrupt = new CancellationTokenSource();
        var console = new CancelOnLine("] order-import@eu", interrupt); // the first progress line ("[0:05 of 1:00, 0:55 left] order-import@eu …"): load is running
        var run = new ScenarioRun(scenario, TopologyCatalog.SingleRegionHa, output, console) { CreateBuilder = TestingBuilders.Create };

        interrupt.CancelAfter(TimeSpan.FromMinutes(4)); // a backstop: the line must come long before
        var report = await run.RunAsync(TimeProvider.System, interrupt.Token);

        Assert.True(console.Fired, "cancelled by the backstop, not during the load");
        Assert.True(report.Cancelled);
        Assert.True(report.DurationSeconds < 30, $"the load went on for {report.DurationSeconds} s after cancellation");
        Assert.True(report.Ledger.Acknowledged > 0);
        Assert.Equal(0, report.Ledger.Lost);
        var written = await ReportJson.ReadAsync(Path.Combine(output, ReportJson.FileName), CancellationToken.None);
        Assert.True(written.Cancelled);
        Assert.Equal(report.Ledger.Acknowledged, (await LedgerFile.ReadAsync(Path.Combine(output, LedgerWriter.FileName), CancellationToken.None)).Count);

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(10));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    /// <summary>A console that cancels a token when a line containing a marker is written.</summary>
    private sealed class CancelOnLine(string marker, CancellationTokenSource source) : StringWriter
    {
        public bool Fired { get; private set; }

        public override void WriteLine(string? value)
        {
            base.WriteLine(value);
            if (!Fired && value is not null && value.Contains(marker, StringComparison.Ordinal))
            {
                Fired = true;
                source.Cancel();
            }
        }
    }
}
