using System.Globalization;
using System.Text.Json;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Load.Ledger;
using Simulator.Load.Reports;
using Xunit.Abstractions;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// <c>sim run</c> of a shortened primary-region-isolation on warm-standby-dr (eu: two Patroni nodes and an etcd of its
/// own; us: a Patroni standby cluster streaming from eu through the fault proxy): eu is cut off, then the scripted
/// region failover fences eu's cluster and promotes us's. One standup.
/// </summary>
public sealed class WarmStandbyDrRunTests(ITestOutputHelper log)
{
    [Fact]
    public async Task A_scripted_region_failover_promotes_the_us_standby_and_the_report_counts_what_eu_acknowledged_alone()
    {
        var output = Fixtures.TempFolder();
        string? writer = null;
        long? absent = null;
        var scenario = ScenarioFiles.Load(Fixtures.Path("warm-standby-dr-isolation.yaml"), durationOverride: null, Console.Error);
        Assert.NotNull(scenario);
        var run = new ScenarioRun(scenario, TopologyCatalog.WarmStandbyDr, output, Console.Error)
        {
            CreateBuilder = TestingBuilders.Create,
            BeforeTeardown = async (topology, ct) =>
            {
                // Independently of the run's own check: who takes us's writes now, and which ledgered orders it lacks.
                var ledger = await LedgerFile.ReadAsync(Path.Combine(output, LedgerWriter.FileName), ct);
                var router = topology.Region("us").DatabaseRouter!.Resource;
                var connection = await topology.Patroni!.ConnectionStringVia(router.WriteEndpoint).GetValueAsync(ct);
                (writer, var present) = await PatroniFailoverRunTests.PresentAsync(connection!, [.. ledger.Select(e => e.Id)], ct);
                absent = ledger.Count(e => !present.Contains(e.Id));
            },
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        var report = await run.RunAsync(TimeProvider.System, timeout.Token);
        var failover = report.Failover;
        Assert.NotNull(failover);
        log.WriteLine(JsonSerializer.Serialize(failover with { ReplicationLag = null, WriteOrigins = null }, ReportJson.Options));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"acknowledged {report.Ledger.Acknowledged}, lost (report) {failover.LostWrites}, absent (independent, on {writer}) {absent}"));

        // Both faults ran; the failover fenced eu's nodes and promoted us's.
        Assert.Equal([("partition", "eu", (string?)null), ("region-failover", "us", null)], report.Faults.Select(f => (f.Kind, f.Target, f.Error)));
        var scripted = report.Faults[1];
        Assert.Equal("eu-pg-1", failover.OldLeader);
        Assert.Equal("us-pg-1", failover.NewLeader);
        Assert.Equal("us-pg-1", writer);
        Assert.InRange(failover.NewLeaderPromotedAtSeconds!.Value, scripted.StartedAtSeconds, scripted.StartedAtSeconds + 15);

        // us could not write from the cut until the scripted promotion, and wrote again after it: its RTO includes the
        // time until the failover was decided.
        var us = Assert.Single(failover.Regions!, r => r.Region == "us");
        Assert.True(us.FailedWrites + us.UnknownWrites > 0, "us saw no failure: the cut did not reach it");
        Assert.NotNull(us.RtoSeconds);
        Assert.InRange(us.RtoSeconds.Value, scripted.StartedAtSeconds - report.Faults[0].StartedAtSeconds, 45);
        Assert.NotNull(failover.RtoSeconds);

        // eu kept acknowledging orders after the cut (its cluster and etcd are its own), which never reached us: lost,
        // and counted exactly as an independent look at the new primary counts them.
        Assert.NotNull(absent);
        Assert.True(failover.LostWrites > 0, "eu acknowledged nothing its standby lacked: the cut did not isolate it");
        Assert.Equal(absent, failover.LostWrites);
        Assert.Equal(absent, report.Ledger.Lost);
        Assert.True(report.Ledger.Acknowledged > 20, $"only {report.Ledger.Acknowledged} orders acknowledged");

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(15));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }
}
