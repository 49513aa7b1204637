using System.Diagnostics;
using Simulator.AppHost.Cli;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Suite;

namespace Simulator.AppHost.Run;

/// <summary>
/// Runs a suite's runs one after another on the native runtime, consecutive runs on the same topology sharing one
/// stand-up (a run whose <c>database:</c> asks for other replication or timing gets them set in the running Patroni
/// cluster: <see cref="PatroniReconfiguration"/>): before each
/// run after the first, <see cref="StandUpReset"/> heals every fault and waits until the topology is whole again;
/// each run then has its own clock, faults, failover watch, ledger and ledger check (<see cref="ScenarioRun.RunOnAsync"/>).
/// A run stands up afresh when <see cref="Fresh"/> is set, when its topology differs from the one up, when the reset
/// gave up, or when the run before fenced database nodes (a region failover: the old active cluster must stay down,
/// so that stand-up is no longer the topology's starting shape). Every stand-up is torn down and the summary written
/// (<c>suite.json</c>, <c>suite.md</c>, <c>junit.xml</c>) even when the suite is interrupted.
/// </summary>
/// <param name="console">Where progress and each run's live output go.</param>
public sealed class SuiteRunner(TextWriter console)
{
    /// <summary>Every run on a fresh stand-up of its own, as <c>sim run</c> would do it (<c>sim suite --fresh</c>).</summary>
    public bool Fresh { get; init; }

    /// <summary>Makes the Aspire builder; null for the AppHost's own (tests pass the testing builder).</summary>
    public Func<IDistributedApplicationBuilder>? CreateBuilder { get; init; }

    /// <summary>
    /// Runs <paramref name="runs"/> in order, each in <c><paramref name="output"/>/NN-&lt;scenario&gt;-&lt;topology&gt;/</c>,
    /// and writes the summary to <paramref name="output"/>. Returns the summary, each run's report (null for a run
    /// that wrote none) and whether the suite was interrupted.
    /// </summary>
    public async Task<(SuiteReport Summary, IReadOnlyList<LoadReport?> Reports, bool Interrupted)> RunAsync(
        string suiteName, IReadOnlyList<SuiteRun> runs, string output, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(time);
        var startedAt = time.GetUtcNow();
        var results = new List<SuiteRunReport>();
        var reports = new List<LoadReport?>();
        var interrupted = false;
        var shared = new SharedStandUp(console);
        try
        {
            for (var i = 0; i < runs.Count; i++)
            {
                var (scenario, topology) = runs[i];
                if (interrupted)
                {
                    results.Add(new SuiteRunReport(scenario.Name, topology.Name, SuiteVerdicts.NotRun, 0, null, [], null, null, null, null));
                    reports.Add(null);
                    continue;
                }

                console.WriteLine($"== {scenario.Name} on {topology.Name} ({i + 1} of {runs.Count})");
                var folder = $"{i + 1:00}-{scenario.Name}-{topology.Name}";
                var run = new ScenarioRun(scenario, topology, Path.Combine(output, folder), console) { CreateBuilder = CreateBuilder };
                var (result, report) = await RunOneAsync(run, runs[i], shared, folder, time, cancellationToken);
                results.Add(result);
                reports.Add(report);
                interrupted = result.Verdict == SuiteVerdicts.Interrupted;
            }
        }
        finally
        {
            await shared.TearDownAsync();
        }

        var summary = new SuiteReport(suiteName, "native", reports.FirstOrDefault(r => r is not null)?.Machine ?? MachineInfo.Current(), startedAt, results);
        await SuiteWriter.WriteAllAsync(summary, reports, output, CancellationToken.None);
        return (summary, reports, interrupted);
    }

    private async Task<(SuiteRunReport Result, LoadReport? Report)> RunOneAsync(
        ScenarioRun run, SuiteRun planned, SharedStandUp shared, string relative, TimeProvider time, CancellationToken cancellationToken)
    {
        var (scenario, topology) = planned;
        var wall = Stopwatch.StartNew();
        SuiteRunReport Unfinished(string verdict, string error) =>
            new(scenario.Name, topology.Name, verdict, wall.Elapsed.TotalSeconds, null, [], error, null, null, null);

        var stage = "standing up";
        try
        {
            var (host, reset, standUp) = await shared.AcquireAsync(run, DatabasePlan.Apply(scenario, topology), !Fresh, time, cancellationToken);
            stage = "running";
            var report = await run.RunOnAsync(host, time, cancellationToken);
            var fenced = host.FencedNodes(report.Faults);
            if (fenced.Count > 0)
            {
                console.WriteLine($"This run fenced {string.Join(", ", fenced.Order(StringComparer.Ordinal))} (region failover): the next run stands up afresh.");
                await shared.TearDownAsync();
            }

            // A breach the suite lists as known does not fail the run; any other failed threshold does.
            var (unexplained, happened, met) = KnownBreachVerdict.Sort(report.Thresholds, planned.KnownBreaches);
            var verdict = report.Cancelled ? SuiteVerdicts.Interrupted : unexplained.Count == 0 ? SuiteVerdicts.Passed : SuiteVerdicts.Failed;
            return (new SuiteRunReport(
                scenario.Name,
                topology.Name,
                verdict,
                wall.Elapsed.TotalSeconds,
                $"{relative}/{ReportJson.FileName}",
                unexplained,
                null,
                report.Failover?.RtoSeconds,
                report.Ledger.Lost,
                report.Ledger.Acknowledged)
            {
                ReusedStandUp = reset is not null,
                ResetSeconds = reset?.Duration.TotalSeconds,
                LeaderAfterReset = reset?.Leader,
                StandUpSeconds = standUp?.TotalSeconds,
                KnownBreaches = happened,
                KnownBreachesMet = met,
            }, report);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await shared.TearDownAsync();
            return (Unfinished(SuiteVerdicts.Interrupted, $"interrupted while {stage}"), null);
        }
        catch (EnvironmentSetupException ex)
        {
            // One run that cannot start does not stop the nightly: the others still run, and this one is an error.
            await Console.Error.WriteLineAsync($"sim: {ex.Message}");
            return (Unfinished(SuiteVerdicts.Error, ex.Message), null);
        }
        catch (Exception ex)
        {
            // The stand-up is in an unknown state after a run broke off: the next run gets a fresh one. Whatever broke
            // it, the other runs still run and the summary is still written.
            await Console.Error.WriteLineAsync($"sim: {scenario.Name} on {topology.Name} broke off while {stage}: {ex.GetType().Name}: {ex.Message}");
            await shared.TearDownAsync();
            return (Unfinished(SuiteVerdicts.Error, $"broke off while {stage}: {ex.Message}"), null);
        }
    }
}
