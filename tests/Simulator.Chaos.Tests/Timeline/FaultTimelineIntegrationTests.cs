using Simulator.Chaos.Processes;
using Simulator.Chaos.Tests.Links;
using Simulator.Chaos.Tests.Processes;

namespace Simulator.Chaos.Tests.Timeline;

/// <summary>The timeline on the real clock with the real fault actions: a proxied mesh and a child process.</summary>
public sealed class FaultTimelineIntegrationTests
{
    [Fact]
    public async Task Cancelling_a_run_leaves_no_paused_process_and_no_cut_link_behind()
    {
        await using var m = await MeshHarness.StartAsync();
        using var child = ChildProcess.Start("while true; do echo x; sleep 0.1; done");
        await child.WaitForLinesAsync(1);
        using var apac = await m.ConnectAsync(MeshHarness.ApacEuPostgres);
        var events = new EventLog();
        var timeline = new FaultTimeline(
            [
                new FaultSpec(TimeSpan.Zero, FaultType.Pause, "child") { For = TimeSpan.FromMinutes(5) },
                new FaultSpec(TimeSpan.Zero, FaultType.Partition, "apac") { For = TimeSpan.FromMinutes(5) },
                new FaultSpec(TimeSpan.FromMinutes(4), FaultType.Kill, "child"),
            ],
            new FaultTimelineOptions
            {
                LinkFaults = new ProxyLinkFaults(m.Mesh),
                ProcessFaults = new SignalProcessFaults(child.ResolveAsync),
                Regions = m.Mesh.Regions,
            });
        using var cancel = new CancellationTokenSource();

        var run = timeline.RunAsync(events, cancel.Token);
        await ChildProcess.WaitUntilAsync(() => events.Events.Count(e => e.Kind == FaultEventKind.Started) == 2, "both faults started");
        Assert.True(ProcessTable.Read(child.Pid)!.Value.IsStopped);
        await Net.SendAsync(apac, "held");
        Assert.True((await Net.ReadOnceAsync(apac, TimeSpan.FromMilliseconds(300))).TimedOut);

        await cancel.CancelAsync();
        var records = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(ProcessTable.Read(child.Pid)!.Value.IsStopped);
        Assert.Equal("held", await Net.ReadTextAsync(apac, 4));
        Assert.Empty(await m.ToxicsAsync(MeshHarness.ApacEuPostgres));
        Assert.All(records.Take(2), r => Assert.Equal(FaultEndReason.Cancelled, r.EndReason));
        Assert.Equal(FaultOutcome.Skipped, records[2].Outcome);
        Assert.False(child.HasExited);
    }
}
