using Simulator.AppHost.Topology;
using Simulator.Load;
using Simulator.Load.Ledger;
using Simulator.Load.Odoo;
using Simulator.Load.Reports;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>
/// One scenario run on the native runtime: stand the topology up, apply the network latency, drive the
/// load through each region's ingress while the faults run on its clock, check the ledger against the
/// primary, write the reports, tear down.
/// </summary>
public sealed class ScenarioRun(Scenario scenario, TopologySpec topology, string outputDirectory, TextWriter console)
{
    private const int MinPoolThreads = 32;
    private static readonly TimeSpan LedgerCheckTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Where <c>--endpoints</c> writes the entry points once the topology is healthy; null for none.</summary>
    public string? EndpointsFile { get; init; }

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
        await using var faults = await FaultSession.StartAsync(host, scenario, console, time, cancellationToken: cancellationToken);
        var result = await DriveLoadAsync(host.Topology, ledgerPath, faults, time, cancellationToken);
        var faultReports = await faults.EndAsync();

        console.WriteLine("Checking every acknowledged order against the primary…");
        using var checking = new CancellationTokenSource(LedgerCheckTimeout);
        var acknowledged = await LedgerFile.ReadAsync(ledgerPath, checking.Token);
        var primary = await host.Topology.Primary.Resource.ConnectionStringExpression.GetValueAsync(checking.Token);
        var ledger = await LedgerChecker.CheckAsync(
            acknowledged.Select(e => e.Id), result.Unknown, PrimaryLedgerLookup.SaleOrderNames(primary!), checking.Token);

        var report = LoadReportBuilder.Build(
            new ReportHeader(scenario.Name, topology.Name, "native"),
            result,
            [.. scenario.Thresholds.Select(ThresholdMapping.ToSpec)],
            ledger,
            faultReports);
        await ReportJson.WriteAsync(report, Path.Combine(outputDirectory, ReportJson.FileName), CancellationToken.None);
        await ReportMarkdown.WriteAsync(report, Path.Combine(outputDirectory, ReportMarkdown.FileName), CancellationToken.None);
        console.WriteLine("Tearing down…");
        return report;
    }

    private async Task<LoadRunResult> DriveLoadAsync(
        NativeTopology topology, string ledgerPath, FaultSession faults, TimeProvider time, CancellationToken cancellationToken)
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
        var credentials = topology.Credentials;
        var workloads = scenario.Workloads
            .Select(w => (IWorkload)LoadPlanFactory.OrderImport(
                w, new OdooClient(http, new Uri(topology.Region(w.Region).Ingress.Resource.IngressUrl), time), credentials))
            .ToList();
        using var ledger = LedgerWriter.Open(ledgerPath);
        var plan = LoadPlanFactory.Plan(scenario);
        console.WriteLine($"Running {scenario.Name} for {DurationParser.Format(plan.Duration)}: " +
            string.Join(", ", scenario.Workloads.Select(w => $"{w.Name}@{w.Region} {w.Rate}")));
        var options = new LoadRunOptions { Ledger = ledger, Progress = new RunProgressPrinter(console, plan.Duration), ClockStarted = faults.Begin };
        return await LoadRun.RunAsync(plan, workloads, options, time, cancellationToken);
    }
}
