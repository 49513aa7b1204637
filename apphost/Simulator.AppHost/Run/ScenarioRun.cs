using Simulator.AppHost.Cli;
using Simulator.AppHost.Run.Containers;
using Simulator.AppHost.Runtime;
using Simulator.AppHost.Topology;
using Simulator.Load;
using Simulator.Load.Ledger;
using Simulator.Load.Measurement;
using Simulator.Load.Odoo;
using Simulator.Load.Progress;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Thresholds;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>
/// One scenario run on the native or the containers runtime (<see cref="IRunHost"/>): stand the topology up, apply the network latency, drive the
/// load through each region's ingress with live progress while the faults run on its clock, check the
/// ledger against the primary (on a Patroni topology: watch the cluster throughout, start stopped nodes
/// after the load, check against whichever node then leads, and report the failover), write the five reports (<see cref="ReportWriter"/>: report.json and those
/// rendered from it), tear down.
/// </summary>
public sealed class ScenarioRun(Scenario scenario, TopologySpec topology, string outputDirectory, TextWriter console)
{
    private const int MinPoolThreads = 32;

    /// <summary>
    /// The scenario as run: named after the topology it runs on, so that exactly the faults for it apply (a scenario
    /// naming no topology would otherwise run the faults marked <c>only-on</c> another: <see cref="Fault.AppliesTo"/>),
    /// and on a topology with tenants, each workload in its tenant (<see cref="TenantDefaults"/>).
    /// </summary>
    private readonly Scenario scenario = TenantDefaults.Apply(scenario with { Topology = topology.Name }, topology);
    private static readonly TimeSpan LedgerCheckTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan LeaderWaitTimeout = TimeSpan.FromSeconds(60);

    /// <summary>How long the topology may take to be healthy: a first containers run pulls images and builds Patroni's.</summary>
    private TimeSpan StartTimeout => Runtime == SimRuntime.Native ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(20);

    /// <summary>Where <c>--endpoints</c> writes the entry points once the topology is healthy; null for none.</summary>
    public string? EndpointsFile { get; init; }

    /// <summary>
    /// Runs once the reports are written, while the topology is still up (e.g. a test's checks of the database);
    /// null for none. Its failure is the run's failure; teardown happens either way.
    /// </summary>
    public Func<NativeTopology, CancellationToken, Task>? BeforeTeardown { get; init; }

    /// <summary>Makes the Aspire builder; null for the AppHost's own (tests pass the testing builder).</summary>
    public Func<IDistributedApplicationBuilder>? CreateBuilder { get; init; }

    /// <summary>The runtime to stand the topology up on; native unless told otherwise.</summary>
    public SimRuntime Runtime { get; init; } = SimRuntime.Native;

    /// <summary>The engine a containers run uses (the one the probe found answering); unused on the native runtime.</summary>
    public IContainerEngine? Engine { get; init; }

    /// <summary>
    /// Runs the scenario and returns its report. Cancelling during the load stops it, and the report of
    /// what was measured is still checked and written; cancelling earlier throws.
    /// </summary>
    public async Task<LoadReport> RunAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        await using var host = await StandUpAsync(time, cancellationToken);
        var report = await RunOnAsync(host, time, cancellationToken);
        console.WriteLine("Tearing down…");
        return report;
    }

    /// <summary>Where each resource's console output is copied while this run is on: <c>logs/</c> of the run's folder.</summary>
    public string LogDirectory => Path.Combine(outputDirectory, "logs");

    /// <summary>
    /// Checks the scenario against its topology and stands the topology up (with the scenario's <c>database:</c>
    /// applied), each resource's log in <see cref="LogDirectory"/>.
    /// The caller owns the host: <see cref="RunOnAsync"/> runs on it, disposing it tears it down.
    /// </summary>
    public async Task<IRunHost> StandUpAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        EnsureRunnable();
        Directory.CreateDirectory(outputDirectory);
        console.WriteLine($"Standing up {topology.Name} ({(Runtime == SimRuntime.Native ? "native" : "containers")} runtime)…");
        // The scenario's `database:` (replication, timing) in place of the topology's own.
        var hostOptions = new TopologyHostOptions(
            DatabasePlan.Apply(scenario, topology), LogDirectory, Dashboard: false, StartTimeout, console.WriteLine, CreateBuilder);
        return await StartHostAsync(hostOptions, time, cancellationToken);
    }

    /// <summary>
    /// Runs the scenario on a topology that is already up and healthy (<see cref="StandUpAsync"/>, or a suite's shared
    /// stand-up after its reset) and returns its report: everything of the run — its clock, faults, failover watch,
    /// ledger and its check — starts here, so nothing of an earlier run on the same host is counted, and the resources'
    /// logs go to this run's <see cref="LogDirectory"/> from here on. The host stays up.
    /// </summary>
    public async Task<LoadReport> RunOnAsync(IRunHost host, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(time);
        EnsureRunnable();
        var plan = LoadPlanFactory.Plan(scenario);
        IReadOnlyList<ThresholdSpec> thresholds = [.. scenario.Thresholds.Select(ThresholdMapping.ToSpec)];
        Directory.CreateDirectory(outputDirectory);
        await host.Logs.MoveToAsync(LogDirectory, time.GetUtcNow());
        var endpoints = await host.DescribeAsync(cancellationToken);
        if (EndpointsFile is not null)
        {
            await Run.EndpointsFile.WriteAsync(EndpointsFile, endpoints, cancellationToken);
        }

        var ledgerPath = Path.Combine(outputDirectory, LedgerWriter.FileName);
        var progress = new LiveProgressPrinter(console, plan.Duration);
        await using var faults = await FaultSession.StartAsync(host.Topology, host.FaultActors(time), scenario, console, time, progress.ReportFault, cancellationToken);
        await using var watch = await host.WatchAsync(time, cancellationToken);
        watch?.Start();
        var outcomes = watch is null ? null : new OutcomeRecorder();
        // From the load's start until the report: a retry logged while an acknowledged call was still in flight counts.
        using var retries = host.Logs.StartTally(OdooRetryLog.Classify);
        var result = await DriveLoadAsync(host.Topology, plan, thresholds, ledgerPath, faults, progress, outcomes, time, cancellationToken);
        var faultReports = await faults.EndAsync();

        using var checking = new CancellationTokenSource(LedgerCheckTimeout);
        var acknowledged = await LedgerFile.ReadAsync(ledgerPath, checking.Token);
        LedgerCheckResult? ledger;
        FailoverReport? failover = null;
        if (watch is null)
        {
            console.WriteLine("Checking every acknowledged order against the primary…");
            var primary = await host.PrimaryConnectionStringAsync(null, checking.Token);
            ledger = await LedgerChecker.CheckAsync(
                TenantLedgerLookup.QualifiedIds(acknowledged, scenario),
                result.Unknown,
                TenantLedgerLookup.SaleOrderNames(primary, host.PrimaryConnectionStringAsync),
                checking.Token);
        }
        else
        {
            var fenced = host.FencedNodes(faultReports);
            var healedAt = await host.HealDatabaseAsync(result.StartedAt, time, fenced, checking.Token);
            console.WriteLine("Waiting for a Patroni leader and every node to run…");
            var leader = await watch.WaitForLeaderAsync(LeaderWaitTimeout, checking.Token, fenced);
            await watch.StopAsync();
            if (leader is { } found)
            {
                console.WriteLine($"Checking every acknowledged order against the leader, {found.Node}…");
                ledger = await LedgerChecker.CheckAsync(
                    acknowledged.Select(e => e.Id), result.Unknown, PrimaryLedgerLookup.SaleOrderNames(found.ConnectionString), checking.Token);
            }
            else
            {
                console.WriteLine($"No Patroni leader within {LeaderWaitTimeout.TotalSeconds:0} s after the load: lost writes are not measured.");
                ledger = null;
            }

            failover = watch.Analyze(result.StartedAt, faultReports, Writes(outcomes!), healedAt, ledger, acknowledged);
        }

        // The achieved-rate rule (achieved_rate >= 95% unless the scenario tests achieved_rate itself) is the builder's default.
        retries.Dispose();
        var report = LoadReportBuilder.Build(new ReportHeader(scenario.Name, topology.Name, host.Topology.Runtime), result, thresholds, ledger, faultReports, failover)
            with { Servers = OdooRetryLog.Report(retries, host.Topology.Spec) };
        await ReportWriter.WriteAllAsync(report, outputDirectory, CancellationToken.None);
        if (BeforeTeardown is not null)
        {
            var native = host as NativeRunHost ?? throw new InvalidOperationException("BeforeTeardown is for native runs only");
            await BeforeTeardown(native.Host.Topology, checking.Token);
        }

        return report;
    }

    private void EnsureRunnable()
    {
        // In containers the faults are checked against the containers model, once it is built (StartHostAsync).
        LoadPlanFactory.EnsureRunnable(scenario, topology, Runtime == SimRuntime.Native ? FaultPlan.Validate(scenario, topology) : []);
        if (Runtime != SimRuntime.Native && ContainerTopologyBuilder.RefusalOf(topology) is { } refusal)
        {
            throw new UnsupportedScenarioException(refusal);
        }
    }

    /// <summary>
    /// Stands the topology up on the chosen runtime. In containers, the scenario's faults are checked against the
    /// containers app model before anything starts (<see cref="ContainerFaultPlan.Validate"/>).
    /// </summary>
    private async Task<IRunHost> StartHostAsync(TopologyHostOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (Runtime == SimRuntime.Native)
        {
            return new NativeRunHost(await TopologyHost.StartAsync(options, time, cancellationToken));
        }

        var engine = Engine ?? throw new InvalidOperationException("a containers run needs the engine the probe found answering");
        var host = await ContainerTopologyHost.StartAsync(options, engine, CheckFaults, time, cancellationToken);
        return new ContainerRunHost(host);
    }

    private void CheckFaults(ContainerRunTopology containers)
    {
        var errors = ContainerFaultPlan.Validate(scenario, containers);
        if (errors.Count > 0)
        {
            throw new UnsupportedScenarioException(string.Join(Environment.NewLine, errors.Select(e => e.ToString())));
        }
    }

    /// <summary>The outcomes of the workloads that write (order import: each confirmed order is in the ledger).</summary>
    private IReadOnlyList<IterationOutcome> Writes(OutcomeRecorder outcomes)
    {
        var writers = scenario.Workloads.Where(w => w.Kind == OrderImportWorkload.DefaultName).Select(w => w.Name).ToHashSet(StringComparer.Ordinal);
        return [.. outcomes.Snapshot().Where(o => writers.Contains(o.Workload))];
    }

    private async Task<LoadRunResult> DriveLoadAsync(
        IRunTopology topology,
        LoadPlan plan,
        IReadOnlyList<ThresholdSpec> thresholds,
        string ledgerPath,
        FaultSession faults,
        LiveProgressPrinter progress,
        OutcomeRecorder? outcomes,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        // Timers and continuations of the open-model scheduler run on the thread pool; on a 2-core
        // machine its default minimum (one thread per core) lets a burst of blocking work in the same
        // process delay arrivals past their slot, which the engine then honestly counts as dropped.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, MinPoolThreads), Math.Max(io, MinPoolThreads));
        using var http = LoadPlanFactory.NewLoadHttpClient();
        var workloads = LoadPlanFactory.Workloads(scenario, topology, http, time);
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
            Outcomes = outcomes,
            SetupRetrying = console.WriteLine,
        };
        try
        {
            return await LoadRun.RunAsync(plan, workloads, options, time, cancellationToken);
        }
        catch (WorkloadException ex)
        {
            // Iterations' errors are counted, never thrown: one escaping the run is a setup that failed for good (a
            // login refused, no products, Odoo still unreachable after the setup's retries).
            throw new EnvironmentSetupException($"the workloads of {scenario.Name} could not start: {ex.Message}", ex);
        }
        finally
        {
            progress.Complete();
        }
    }
}
