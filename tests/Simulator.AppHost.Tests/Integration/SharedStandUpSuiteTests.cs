using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.Load.Ledger;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Suite;
using Simulator.Scenarios;
using Xunit.Abstractions;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// The CI suite (<c>scenarios/suites/ci.yaml</c>): the nine catalogue scenarios no other integration test runs —
/// redis-loss, object-storage-outage, quickstart and month-end-burst on one single-region-ha stand-up, steady-state
/// and slow-inter-region-link on one two-region stand-up, replica-region-partition, planned-switchover and
/// primary-freeze on one single-primary-multi-replica stand-up — in short forms, as <c>sim suite</c> runs them. Checks that the runs after the first on a topology reused its stand-up after a
/// reset, and that each run's report stands on its own: its own clock and faults, its own ledger (no order of an
/// earlier run counted), its own failover, with the figures each short form is meant to show.
/// </summary>
public sealed class SharedStandUpSuiteTests(ITestOutputHelper log)
{
    [Fact]
    public async Task The_ci_suite_shares_one_stand_up_per_topology_and_every_run_reports_on_its_own()
    {
        var output = Fixtures.TempFolder();
        var (suite, errors) = SuiteLoader.Load(Fixtures.Shipped("suites/ci.yaml"));
        Assert.Empty(errors);
        using var problems = new StringWriter();
        var runs = SuiteCommand.Plan(suite!, problems);
        Assert.True(runs is not null, problems.ToString());

        var wall = Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var (summary, reports, interrupted) = await new SuiteRunner(Console.Error) { CreateBuilder = TestingBuilders.Create }
            .RunAsync(suite!.Name, runs, output, TimeProvider.System, timeout.Token);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"suite wall time {wall.Elapsed.TotalSeconds:0} s"));
        log.WriteLine(SuiteMarkdown.Render(summary));

        Assert.False(interrupted);
        Assert.Equal(
            ["redis-loss", "object-storage-outage", "quickstart", "month-end-burst", "steady-state", "slow-inter-region-link", "replica-region-partition", "planned-switchover", "primary-freeze"],
            summary.Runs.Select(r => r.Scenario));
        Assert.All(summary.Runs, r => Assert.True(r.Error is null, $"{r.Scenario}: {r.Error}"));
        Assert.All(reports, r => Assert.NotNull(r));

        // Three stand-ups: the first run on each topology stood one up, the others reused it after a reset.
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, SuiteWriter.JsonFileName)));
        var recorded = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal([false, true, true, true, false, true, false, true, true], recorded.Select(r => r.GetProperty("reusedStandUp").GetBoolean()));
        foreach (var (run, i) in summary.Runs.Select((r, i) => (r, i)))
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Scenario}: wall {run.WallSeconds:0.0} s, stand-up {run.StandUpSeconds:0.0} s, reset {run.ResetSeconds:0.0} s, leader after reset {run.LeaderAfterReset}"));
            if (run.ReusedStandUp)
            {
                Assert.InRange(recorded[i].GetProperty("resetSeconds").GetDouble(), 0, 120);
            }
            else
            {
                Assert.InRange(recorded[i].GetProperty("standUpSeconds").GetDouble(), 1, 180);
            }
        }

        await AssertEachRunOnItsOwnAsync(output, summary, reports!);
        AssertRedisLoss(reports[0]!);
        AssertObjectStorageOutage(reports[1]!);
        AssertKnownBreach(summary.Runs[1], await File.ReadAllTextAsync(Path.Combine(output, SuiteMarkdown.FileName)));
        AssertQuickstart(reports[2]!);
        AssertMonthEndBurst(reports[3]!);
        AssertSteadyState(reports[4]!);
        AssertSlowLink(reports[5]!);
        AssertReplicaRegionPartition(reports[6]!);
        AssertPlannedSwitchover(reports[7]!);
        AssertPrimaryFreeze(reports[8]!, summary.Runs[8]);

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(15));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    /// <summary>
    /// Each run's clock starts with it (its one fault at the scenario's own offset), and its ledger holds only its own
    /// orders: as many as it acknowledged, none shared with an earlier run on the same stand-up (the same database).
    /// </summary>
    private static async Task AssertEachRunOnItsOwnAsync(string output, SuiteReport summary, IReadOnlyList<LoadReport?> reports)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i]!;
            if (!summary.Runs[i].ReusedStandUp)
            {
                seen.Clear();
            }

            var folder = Path.Combine(output, Path.GetDirectoryName(summary.Runs[i].Report)!);
            var ledger = await LedgerFile.ReadAsync(Path.Combine(folder, LedgerWriter.FileName), CancellationToken.None);
            Assert.Equal(report.Ledger.Acknowledged, ledger.Count);
            Assert.True(ledger.Count > 0, $"{report.Scenario} acknowledged nothing");
            Assert.All(ledger, e => Assert.True(seen.Add(e.Id), $"{report.Scenario}: order {e.Id} is also in an earlier run's ledger"));
            Assert.Equal(0, report.Ledger.Lost);
            if (FaultAt(report.Scenario) is { } at)
            {
                var fault = Assert.Single(report.Faults);
                Assert.Null(fault.Error);
                Assert.InRange(fault.StartedAtSeconds, at - 0.5, at + 3);
            }
            else
            {
                Assert.Empty(report.Faults);
            }

            if (i > 0)
            {
                Assert.True(report.StartedAt > reports[i - 1]!.StartedAt.AddSeconds(reports[i - 1]!.DurationSeconds));
            }

            await AssertOwnLogsAsync(folder, report, summary.Runs[i].ReusedStandUp ? reports[i - 1] : null);
        }
    }

    /// <summary>
    /// Each run's <c>logs/</c> holds what the resources logged while it was on, from the reset that readied it: none
    /// of a reused stand-up's lines from before the previous run ended, and the lines of this run's own load.
    /// </summary>
    private static async Task AssertOwnLogsAsync(string folder, LoadReport report, LoadReport? previous)
    {
        var files = Directory.GetFiles(Path.Combine(folder, "logs"), "*.log");
        Assert.Contains(files, f => Path.GetFileName(f).Contains("-odoo-", StringComparison.Ordinal));
        var loadEnds = report.StartedAt.AddSeconds(report.DurationSeconds);
        var duringLoad = 0;
        foreach (var file in files)
        {
            foreach (var line in await File.ReadAllLinesAsync(file))
            {
                var stamp = DateTimeOffset.Parse(line[..line.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                if (previous is not null)
                {
                    Assert.True(stamp >= previous.StartedAt.AddSeconds(previous.DurationSeconds), $"{report.Scenario}: {Path.GetFileName(file)} holds an earlier run's line: {line}");
                }

                duringLoad += stamp >= report.StartedAt && stamp <= loadEnds ? 1 : 0;
            }
        }

        Assert.True(duringLoad > 0, $"{report.Scenario}: its logs/ hold no line logged during its load");
    }

    /// <summary>
    /// The API clients hold no web session: no error of theirs comes from Redis or a session (on a starved machine
    /// HAProxy's 503s and s3rver timeouts may still show up; they are logged, not Redis's). The browser-like
    /// web-browse workload, whose session lives in Redis, is the one that feels it.
    /// </summary>
    private void AssertRedisLoss(LoadReport report)
    {
        Assert.Equal(("kill", "eu-redis"), (report.Faults[0].Kind, report.Faults[0].Target));
        Assert.NotNull(report.Faults[0].EndedAtSeconds);
        static bool FromSessions(string kind) =>
            kind.Contains("redis", StringComparison.OrdinalIgnoreCase) || kind.Contains("session", StringComparison.OrdinalIgnoreCase);
        var apiKinds = report.Workloads.Where(w => w.Name != "web-browse").SelectMany(w => w.ErrorKinds.Keys).ToList();
        Assert.DoesNotContain(apiKinds, FromSessions);
        Assert.Contains(report.Workloads.Single(w => w.Name == "web-browse").ErrorKinds.Keys, FromSessions);
        log.WriteLine($"{Describe(report)}; error kinds: {string.Join(", ", report.Workloads.SelectMany(w => w.ErrorKinds.Select(k => $"{w.Name} {k.Key} {k.Value}")))}");
    }

    /// <summary>When the scenario's one fault is due, in seconds; null for the scenarios without faults.</summary>
    private static int? FaultAt(string scenario) => scenario switch
    {
        "quickstart" or "month-end-burst" or "steady-state" => null,
        "redis-loss" or "object-storage-outage" or "slow-inter-region-link" => 10,
        _ => 30,
    };

    /// <summary>Steady import at 10/s on a stand-up two outages ran on: the orders go through, every one kept.</summary>
    private void AssertQuickstart(LoadReport report)
    {
        var import = Assert.Single(report.Workloads);
        Assert.True(import.Ok >= 75, $"only {import.Ok} of ~150 orders in 15 s went through");
        AssertPassed(report, "lost_writes");
        log.WriteLine(Describe(report));
    }

    /// <summary>The burst's ramp as the scheduler ran it: 2 arrivals a second first, 8 at the peak, scanning throughout.</summary>
    private void AssertMonthEndBurst(LoadReport report)
    {
        var import = report.Workloads.Single(w => w.Name == "order-import");
        double Mean(int from, int to) => import.Intervals.Where(i => i.Second >= from && i.Second <= to).Select(i => (double)i.Arrivals).DefaultIfEmpty(0).Average();
        var (before, peak) = (Mean(1, 8), Mean(26, 28));
        Assert.InRange(before, 1.5, 2.5);
        Assert.InRange(peak, 6.5, 9.5);
        Assert.True(report.Workloads.Single(w => w.Name == "warehouse-scan").Ok > 0, "no scan completed during the burst");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Describe(report)}; arrivals/s {before:0.0} before, {peak:0.0} at the peak"));
    }

    /// <summary>Read local, write remote: every us order crosses 80 ms many times, eu's do not.</summary>
    private void AssertSteadyState(LoadReport report)
    {
        var (eu, us) = (Import(report, "eu"), Import(report, "us"));
        // ~27 round trips an order; at least ten of them at 80 ms is the floor.
        Assert.True(us.LatencyMs!.P50 - eu.LatencyMs!.P50 >= 800, $"us p50 {us.LatencyMs.P50:0} ms, eu p50 {eu.LatencyMs.P50:0} ms");
        Assert.Equal(["eu", "us"], report.Servers!.Select(s => s.Region));
        log.WriteLine($"{Describe(report)}; retries {string.Join(", ", report.Servers!)}");
    }

    /// <summary>+200 ms on eu-us from 10 s to 30 s: us's orders slow down while it lasts.</summary>
    private void AssertSlowLink(LoadReport report)
    {
        var fault = report.Faults[0];
        Assert.Equal(("latency", "eu-us"), (fault.Kind, fault.Target));
        var us = Import(report, "us");
        double? Median(int from, int to) => us.Intervals.Where(i => i.Second >= from && i.Second <= to && i.P50Ms is not null)
            .Select(i => i.P50Ms!.Value).Order().ToList() is { Count: > 0 } p50s ? p50s[p50s.Count / 2] : null;
        var (before, during) = (Median(3, 9), Median(14, 40));
        Assert.NotNull(before);
        Assert.NotNull(during);
        // Each us order is ~27 round trips; +200 ms on each adds seconds, and even a tenth of them adds 500 ms.
        Assert.True(during - before >= 500, $"us p50 {before:0} ms before the fault, {during:0} ms while it lasted");
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Describe(report)}; us p50 {before:0} ms before, {during:0} ms during"));
    }

    private static WorkloadReport Import(LoadReport report, string region) =>
        report.Workloads.Single(w => w.Name == "order-import" && w.Region == region);

    /// <summary>Every attachment fails while s3rver is stopped and none before it or long after; the orders are kept.</summary>
    private void AssertObjectStorageOutage(LoadReport report)
    {
        var fault = report.Faults[0];
        Assert.Equal(("stop", "eu-s3"), (fault.Kind, fault.Target));
        Assert.NotNull(fault.EndedAtSeconds);
        var import = Assert.Single(report.Workloads);
        Assert.True(import.Failed > 0, "no import failed while object storage was down");
        var failing = import.Intervals.Where(s => s.Failed > 0).Select(s => s.Second).ToList();
        Assert.All(failing, s => Assert.InRange(s, fault.StartedAtSeconds - 1, fault.EndedAtSeconds!.Value + 10));
        log.WriteLine($"{Describe(report)}; failures in seconds {failing.Min()}–{failing.Max()}, outage {fault.StartedAtSeconds:0.0}–{fault.EndedAtSeconds:0.0} s");
    }

    /// <summary>
    /// ci.yaml lists the outage's error-window SLO as a known breach: it breached (the outage is meant to break it), and
    /// the suite kept it apart from what failed, with its reason.
    /// </summary>
    private static void AssertKnownBreach(SuiteRunReport run, string markdown)
    {
        const string Window = "order-import.error_rate < 1% over any 10s window";
        var breach = Assert.Single(run.KnownBreaches);
        Assert.Equal(Window, breach.Expression);
        Assert.Contains("eu-s3 is down", breach.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(run.FailedThresholds, t => t.Expression == Window);
        Assert.Contains($"- object-storage-outage on `single-region-ha`: `{Window}` — actual ", markdown, StringComparison.Ordinal);
    }

    /// <summary>apac is cut off while eu leads: no failover, apac's writes fail and come back, nothing is lost.</summary>
    private void AssertReplicaRegionPartition(LoadReport report)
    {
        Assert.Equal(("partition", "apac"), (report.Faults[0].Kind, report.Faults[0].Target));
        var failover = report.Failover;
        Assert.NotNull(failover);
        // No leader change: the analysis names neither an old nor a new leader (measured: both null).
        Assert.True(failover.OldLeader is null or "eu-pg-1", $"the fault found {failover.OldLeader} leading");
        Assert.True(failover.NewLeader is null or "eu-pg-1", $"the leader moved to {failover.NewLeader}");
        Assert.Equal(0, failover.LostWrites);
        var apac = Assert.Single(failover.Regions!, r => r.Region == "apac");
        Assert.True(apac.FailedWrites + apac.UnknownWrites > 0, "apac's writes did not fail while it was cut off");
        AssertPassed(report, "lost_writes");
        log.WriteLine(Describe(report));
    }

    /// <summary>The lead leaves eu-pg-1 (which leads again after the reset), nothing is lost, the write pause is measured.</summary>
    private void AssertPlannedSwitchover(LoadReport report)
    {
        var failover = report.Failover;
        Assert.NotNull(failover);
        Assert.Equal("eu-pg-1", failover.OldLeader);
        Assert.NotNull(failover.NewLeader);
        Assert.NotEqual("eu-pg-1", failover.NewLeader);
        AssertPassed(report, "lost_writes");
        Assert.NotNull(failover.RtoSeconds);
        Assert.Equal(0, failover.LostWrites);
        Assert.Equal(false, failover.SplitBrain);
        log.WriteLine(Describe(report));
    }

    /// <summary>The frozen node is the leader as it stood when the run began; another takes over, the thawed one steps down.</summary>
    private void AssertPrimaryFreeze(LoadReport report, SuiteRunReport run)
    {
        Assert.Equal(("pause", "leader"), (report.Faults[0].Kind, report.Faults[0].Target));
        var failover = report.Failover;
        Assert.NotNull(failover);
        // The reset handed the lead back to eu-pg-1 after the switchover; the fault found whoever led.
        Assert.Equal("eu-pg-1", run.LeaderAfterReset);
        Assert.Equal(run.LeaderAfterReset, failover.OldLeader);
        Assert.NotNull(failover.NewLeader);
        Assert.NotEqual(failover.OldLeader, failover.NewLeader);
        Assert.NotNull(failover.RtoSeconds);
        Assert.Equal(0, failover.LostWrites);
        Assert.Equal(false, failover.SplitBrain);
        log.WriteLine(Describe(report));
    }

    private static void AssertPassed(LoadReport report, string metric) =>
        Assert.All(report.Thresholds.Where(t => t.Expression.Contains(metric, StringComparison.Ordinal)), t => Assert.True(t.Passed, $"{report.Scenario}: {t.Expression} — actual {t.Actual}"));

    private static string Describe(LoadReport report) => string.Create(CultureInfo.InvariantCulture,
        $"{report.Scenario}: passed {report.Passed}; {string.Join(", ", report.Thresholds.Select(t => $"{t.Expression} = {t.Actual} {(t.Passed ? "ok" : "FAILED")}"))}; "
        + $"acknowledged {report.Ledger.Acknowledged}, lost {report.Ledger.Lost}; failover {(report.Failover is { } f ? $"{f.OldLeader} → {f.NewLeader}, RTO {f.RtoSeconds:0.0} s" : "none")}");
}
