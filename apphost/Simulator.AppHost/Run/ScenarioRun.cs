using Simulator.AppHost.Topology;
using Simulator.Load;
using Simulator.Load.Ledger;
using Simulator.Load.Progress;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Thresholds;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>
/// One scenario run on the native runtime: stand the topology up, apply the network latency, drive the
/// load through each region's ingress with live progress while the faults run on its clock, check the
/// ledger against the primary, write the five reports (<see cref="ReportWriter"/>: report.json and those
/// rendered from it), tear down.
/// </summary>
public sealed class ScenarioRun(Scenario scenario, TopologySpec topology, string outputDirectory, TextWriter console)
{
    private const int MinPoolThreads = 32;
    private static readonly TimeSpan LedgerCheckTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Where <c>--endpoints</c> writes the entry points once the topology is healthy; null for none.</summary>
    public string? EndpointsFile { get; init; }

    /// <summary>
    /// Runs once the reports are written, while the topology is still up (e.g. a test's checks of the database);
    /// null for none. Its failure is the run's failure; teardown happens either way.
    /// </summary>
    public Func<NativeTopology, CancellationToken, Task>? BeforeTeardown { get; init; }

    /// <summary>Makes the Aspire builder; null for the AppHost's own (tests pass the testing builder).</summary>
    public Func<IDistributedApplicationBuilder>? CreateBuilder { get; init; }

    /// <summary>
    /// Runs the scenario and returns its report. Cancelling during the load stops it, and the report of
    /// what was measured is still checked and written; cancelling earlier throws.
    /// </summary>
    public async Task<LoadReport> RunAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        LoadPlanFactory.EnsureRunnable(scenario, topology);
        var plan = LoadPlanFactory.Plan(scenario);
        IReadOnlyList<ThresholdSpec> thresholds = [.. scenario.Thresholds.Select(ThresholdMapping.ToSpec)];
        Directory.CreateDirectory(outputDirectory);
        console.WriteLine($"Standing up {topology.Name} (native runtime)…");
        var hostOptions = new TopologyHostOptions(
            topology, Path.Combine(outputDirectory, "logs"), Dashboard: false, TimeSpan.FromMinutes(3), console.WriteLine, CreateBuilder);
        await using var host = await TopologyHost.StartAsync(hostOptions, time, cancellationToken);

        var endpoints = await Run.EndpointsFile.DescribeAsync(host.Topology, cancellationToken);
        if (EndpointsFile is not null)
        {
            await Run.EndpointsFile.WriteAsync(EndpointsFile, endpoints, cancellationToken);
        }

        var ledgerPath = Path.Combine(outputDirectory, LedgerWriter.FileName);
        var progress = new LiveProgressPrinter(console, plan.Duration);
        await using var faults = await FaultSession.StartAsync(host, scenario, console, time, progress.ReportFault, cancellationToken);
        var result = await DriveLoadAsync(host.Topology, plan, thresholds, ledgerPath, faults, progress, time, cancellationToken);
        var faultReports = await faults.EndAsync();

        console.WriteLine("Checking every acknowledged order against the primary…");
        using var checking = new CancellationTokenSource(LedgerCheckTimeout);
        var acknowledged = await LedgerFile.ReadAsync(ledgerPath, checking.Token);
        var primary = await host.Topology.Primary.Resource.ConnectionStringExpression.GetValueAsync(checking.Token);
        var ledger = await LedgerChecker.CheckAsync(
            acknowledged.Select(e => e.Id), result.Unknown, PrimaryLedgerLookup.SaleOrderNames(primary!), checking.Token);

        // The achieved-rate rule (achieved_rate >= 95% unless the scenario tests achieved_rate itself) is the builder's default.
        var report = LoadReportBuilder.Build(new ReportHeader(scenario.Name, topology.Name, "native"), result, thresholds, ledger, faultReports);
        await ReportWriter.WriteAllAsync(report, outputDirectory, CancellationToken.None);
        if (BeforeTeardown is not null)
        {
            await BeforeTeardown(host.Topology, checking.Token);
        }

        console.WriteLine("Tearing down…");
        return report;
    }

    private async Task<LoadRunResult> DriveLoadAsync(
        NativeTopology topology,
        LoadPlan plan,
        IReadOnlyList<ThresholdSpec> thresholds,
        string ledgerPath,
        FaultSession faults,
        LiveProgressPrinter progress,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // Timers and continuations of the open-model scheduler run on the thread pool; on a 2-core
        // machine its default minimum (one thread per core) lets a burst of blocking work in the same
        // process delay arrivals past their slot, which the engine then honestly counts as dropped.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinPoolThreads), Math.Max(io, MinPoolThreads));
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        var workloads = scenario.Workloads
            .Select(w => LoadPlanFactory.Workload(
                w, new RegionTarget(http, new Uri(topology.Region(w.Region).Ingress.Resource.IngressUrl), topology.Credentials, time)))
            .ToList();
        using var ledger = LedgerWriter.Open(ledgerPath);
        console.WriteLine($"Running {scenario.Name} for {DurationParser.Format(plan.Duration)}:");
        foreach (var workload in plan.Workloads)
        {
            console.WriteLine($"  {workload.Name}@{workload.Region}: {workload.Model.Describe()}");
        }

        if (!AchievedRateRule.IsCoveredBy(thresholds) && scenario.Workloads.Any(w => w.HasOpenModel))
        {
            console.WriteLine($"Also judged: {AchievedRateRule.Default.Threshold}; an achieved_rate threshold of the scenario's replaces it");
        }

        var options = new LoadRunOptions
        {
            Ledger = ledger,
            Progress = progress,
            Windows = ThresholdSpec.WindowsOf(thresholds),
            ClockStarted = faults.Begin,
        };
        try
        {
            return await LoadRun.RunAsync(plan, workloads, options, time, cancellationToken);
        }
        finally
        {
            progress.Complete();
        }
    }
}
