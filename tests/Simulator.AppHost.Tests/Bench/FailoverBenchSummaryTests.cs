using Simulator.AppHost.Bench;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.Load.Failover;
using Simulator.Load.Reports;

namespace Simulator.AppHost.Tests.Bench;

public sealed class FailoverBenchSummaryTests
{
    private static readonly FailoverTargets SyncFast = new(FailoverTargets.FastProfileRtoSeconds, ZeroLoss: true);

    [Fact]
    public void Every_run_must_meet_every_applicable_target()
    {
        var good = Trial(1, lost: 0, ("eu", 12.0), ("us", 9.5));
        var slowRegion = Trial(2, lost: 0, ("eu", 50.9), ("us", 12.1));
        var lossy = Trial(3, lost: 2, ("eu", 11.0), ("us", 10.0));
        var neverRecovered = Trial(4, lost: 0, ("eu", null), ("us", 10.0));

        Assert.True(new FailoverBenchSummary([good, good with { Run = 2 }], SyncFast).Passed);
        var summary = new FailoverBenchSummary([good, slowRegion, lossy, neverRecovered], SyncFast);

        Assert.False(summary.Passed);
        Assert.Equal(2, summary.RunsWithinRto);
        Assert.Equal(3, summary.RunsWithoutLoss);
        Assert.Contains("RTO <= 15 s in every region: 2 of 4 runs: MISSED", summary.Render(), StringComparison.Ordinal);
        Assert.Contains("zero acknowledged writes lost (synchronous replication): 3 of 4 runs: MISSED", summary.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Targets_that_do_not_apply_to_the_profile_are_not_judged()
    {
        var slowAndLossy = Trial(1, lost: 7, ("eu", 48.0));

        Assert.Equal(new FailoverTargets(null, false), FailoverBenchmark.TargetsFor(new PatroniClusterOptions { Replication = PatroniReplication.Async, Timing = PatroniTiming.Default }));
        Assert.Equal(new FailoverTargets(15, true), FailoverBenchmark.TargetsFor(new PatroniClusterOptions { Replication = PatroniReplication.SyncStrict, Timing = PatroniTiming.Fast }));
        var summary = new FailoverBenchSummary([slowAndLossy], new FailoverTargets(null, false));
        Assert.True(summary.Passed);
        Assert.Contains("lost acknowledged writes (asynchronous: reported, not judged): 7", summary.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_split_brain_or_an_interrupted_run_fails_whatever_the_targets()
    {
        var loose = new FailoverTargets(null, false);

        Assert.False(new FailoverBenchSummary([Trial(1, lost: 0, ("eu", 5.0)) with { SplitBrain = true }], loose).Passed);
        Assert.False(new FailoverBenchSummary([Trial(1, lost: 0, ("eu", 5.0)) with { Cancelled = true }], loose).Passed);
        Assert.False(new FailoverBenchSummary([], loose).Passed);
    }

    [Fact]
    public void Rto_spread_is_min_median_max_over_the_runs_that_recovered()
    {
        var summary = new FailoverBenchSummary(
            [Trial(1, 0, ("eu", 14.0), ("us", 9.0)), Trial(2, 0, ("eu", 10.0), ("us", null)), Trial(3, 0, ("eu", 12.0), ("us", 11.0))], SyncFast);

        Assert.Equal(
            [new RegionRtoSpread("eu", 10.0, 12.0, 14.0, 0), new RegionRtoSpread("us", 9.0, 10.0, 11.0, 1)],
            summary.RtoSpreads);
    }

    [Fact]
    public void A_trial_takes_promotion_time_rto_and_loss_from_the_run_report()
    {
        var failover = new FailoverReport(12.1, 10.0, "eu-pg-1", "us-pg-1", 0, false)
        {
            FaultAtSeconds = 20.0,
            NewLeaderPromotedAtSeconds = 31.2,
            Regions = [new RegionFailover("eu", 19.5, 20.5, 70.9, 50.9, 50.4, 3, 1), new RegionFailover("us", 19.9, 20.2, 32.1, 12.1, 11.9, 2, 0)],
        };
        var report = new LoadReport("primary-node-loss", "single-primary-multi-replica", "native", new MachineInfo(2, "x", "y"), DateTimeOffset.UnixEpoch, 60, false, [], [], new LedgerReport(166, 0, 1), failover, []);

        var trial = FailoverTrial.Of(3, "out/run-3", report);

        Assert.Equal(11.2, trial.PromotedAfterFaultSeconds);
        Assert.Equal("us-pg-1", trial.NewLeader);
        Assert.Equal(50.9, trial.RtoByRegion["eu"]);
        Assert.Equal((166L, 0L, false), (trial.Acknowledged, trial.Lost!.Value, trial.SplitBrain!.Value));
    }

    [Fact]
    public async Task Bad_arguments_and_scenarios_without_failover_are_refused()
    {
        using var console = new StringWriter();

        await Assert.ThrowsAsync<CliUsageException>(() => FailoverBenchmark.RunAsync(CliArguments.Parse(["x.yaml", "--runs", "0"]), TimeProvider.System, console, CancellationToken.None));
        await Assert.ThrowsAsync<CliUsageException>(() => FailoverBenchmark.RunAsync(CliArguments.Parse(["--runs", "3"]), TimeProvider.System, console, CancellationToken.None));
        // quickstart runs on single-region-ha: streaming replication, no Patroni to fail over.
        Assert.Equal(ExitCodes.InvalidInput, await FailoverBenchmark.RunAsync(CliArguments.Parse([Fixtures.Shipped("quickstart.yaml")]), TimeProvider.System, console, CancellationToken.None));
    }

    private static FailoverTrial Trial(int run, long? lost, params (string Region, double? Rto)[] rto) =>
        new(run, $"run-{run}", 11.0, "us-pg-1", rto.ToDictionary(r => r.Region, r => r.Rto, StringComparer.Ordinal), 100, lost, false, false);
}
