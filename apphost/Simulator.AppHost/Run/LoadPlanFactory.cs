using System.Globalization;
using Simulator.AppHost.Topology;
using Simulator.Load;
using Simulator.Load.Http;
using Simulator.Load.Odoo;
using Simulator.Load.Scheduling;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>Turns a scenario's workloads into the load engine's plan and workload implementations.</summary>
public static class LoadPlanFactory
{
    /// <summary>The workload kinds a run can drive, and how each becomes an <see cref="IWorkload"/>: the one place to wire a new kind.</summary>
    private static readonly Dictionary<string, Func<Workload, RegionTarget, IWorkload>> Kinds = new(StringComparer.Ordinal)
    {
        [OrderImportWorkload.DefaultName] = (workload, target) => OrderImport(workload, OdooClientOf(target), target.Credentials),
        [WarehouseScanWorkload.DefaultName] = (workload, target) => WarehouseScan(workload, OdooClientOf(target), target.Credentials),
        [PortalBrowseWorkload.DefaultName] = (workload, target) => PortalBrowse(workload, OdooClientOf(target), target.Credentials),
        [WebBrowseWorkload.DefaultName] = (workload, target) => new WebBrowseWorkload(OdooClientOf(target), target.Credentials, PortalBrowseOptionsOf(workload)),
        ["http"] = (workload, target) => new HttpWorkload(target.Http, HttpOptions(workload, target.Ingress), target.Time),
    };

    /// <summary>The workload kinds a run can drive, in name order.</summary>
    public static IReadOnlyList<string> RunnableKinds => [.. Kinds.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Refuses, before anything starts, the parts of <paramref name="scenario"/> this build cannot run and faults
    /// whose targets <paramref name="topology"/> lacks (<see cref="FaultPlan.Validate"/>).
    /// </summary>
    public static void EnsureRunnable(Scenario scenario, TopologySpec topology)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(topology);
        EnsureRunnable(scenario, topology, FaultPlan.Validate(scenario, topology));
    }

    /// <summary>
    /// <see cref="EnsureRunnable(Scenario, TopologySpec)"/> with the faults' errors found by the runtime that will run
    /// them (the containers runtime checks them against its own app model).
    /// </summary>
    public static void EnsureRunnable(Scenario scenario, TopologySpec topology, IReadOnlyList<ScenarioError> faultErrors)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(faultErrors);
        var problems = new List<string>();
        foreach (var workload in scenario.Workloads.Where(w => !Kinds.ContainsKey(w.Kind)))
        {
            problems.Add($"workload '{workload.Name}': kind '{workload.Kind}' cannot run yet (available: {string.Join(", ", RunnableKinds)})");
        }

        foreach (var workload in scenario.Workloads)
        {
            var options = workload.Kind switch
            {
                OrderImportWorkload.DefaultName => OrderImportOptionsOf(workload).Validate(),
                WarehouseScanWorkload.DefaultName => WarehouseScanOptionsOf(workload).Validate(),
                PortalBrowseWorkload.DefaultName or WebBrowseWorkload.DefaultName => PortalBrowseOptionsOf(workload).Validate(),
                _ => [],
            };
            problems.AddRange(options.Select(p => $"workload '{workload.Name}': {p}"));
        }

        problems.AddRange(Plan(scenario).Validate().Select(p => "load plan: " + p));
        var lines = new List<string>();
        if (problems.Count > 0)
        {
            lines.Add($"{scenario.SourcePath}: this build cannot run:");
            lines.AddRange(problems.Select(p => "  " + p));
        }

        lines.AddRange(DatabasePlan.Validate(scenario, topology).Select(e => e.ToString()));
        lines.AddRange(faultErrors.Select(e => e.ToString()));
        if (lines.Count > 0)
        {
            throw new UnsupportedScenarioException(string.Join(Environment.NewLine, lines));
        }
    }

    /// <summary>
    /// The load plan of <paramref name="scenario"/>: one workload plan per scenario workload, in order, whose model is
    /// the workload's own or a <see cref="PhasedLoad"/> of its phases (the last running until the end when it gives
    /// no duration). Open models may use <c>max_users</c> virtual users.
    /// </summary>
    public static LoadPlan Plan(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new LoadPlan(scenario.Duration, [.. scenario.Workloads.Select(w => new WorkloadPlan(w.Name, w.Region, Model(w, scenario.Duration))
        {
            MaxInFlight = w.MaxUsers ?? WorkloadPlan.DefaultMaxInFlight,
            Tenant = w.Tenant,
        })])
        {
            Seed = scenario.Seed ?? 0,
        };
    }

    /// <summary>
    /// An HTTP client for load on a topology's ingresses: no overall timeout (each workload keeps its own), and
    /// connections renewed every minute so an ingress that restarted is reached again.
    /// </summary>
    public static HttpClient NewLoadHttpClient() =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) }) { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// Every workload of <paramref name="scenario"/>, each aimed at its region's ingress in <paramref name="topology"/>
    /// and logging into its tenant's database (the topology's default one when it names none).
    /// </summary>
    /// <exception cref="UnsupportedScenarioException">A kind cannot run (<see cref="EnsureRunnable(Scenario, TopologySpec)"/> says so up front).</exception>
    public static IReadOnlyList<IWorkload> Workloads(Scenario scenario, IRunTopology topology, HttpClient http, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(topology);
        return [.. scenario.Workloads.Select(w => Workload(
            w,
            new RegionTarget(
                http,
                topology.IngressUrl(w.Region),
                w.Tenant is { } tenant ? topology.Credentials with { Database = tenant } : topology.Credentials,
                time)))];
    }

    /// <summary>The engine's implementation of <paramref name="workload"/>'s kind, aimed at <paramref name="target"/>.</summary>
    /// <exception cref="UnsupportedScenarioException">The kind cannot run (<see cref="EnsureRunnable(Scenario, TopologySpec)"/> says so up front).</exception>
    public static IWorkload Workload(Workload workload, RegionTarget target)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(target);
        return Kinds.TryGetValue(workload.Kind, out var create)
            ? create(workload, target)
            : throw new UnsupportedScenarioException($"workload '{workload.Name}': kind '{workload.Kind}' cannot run yet");
    }

    /// <summary>An order-import workload driving <paramref name="client"/>: <c>lines</c>, <c>customers</c>, <c>products</c>, <c>ack</c>.</summary>
    public static OrderImportWorkload OrderImport(Workload workload, OdooClient client, OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new OrderImportWorkload(client, credentials, OrderImportOptionsOf(workload));
    }

    /// <summary>
    /// A warehouse-scan workload on the region's own warehouse (the emulator names it after the region, upper-cased):
    /// <c>backlog</c>, and <c>lines</c>, <c>products</c> for the backlog's orders.
    /// </summary>
    public static WarehouseScanWorkload WarehouseScan(Workload workload, OdooClient client, OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new WarehouseScanWorkload(client, credentials, WarehouseScanOptionsOf(workload));
    }

    /// <summary>A portal-browse workload: <c>customers</c>, <c>page_size</c>, <c>pages</c>.</summary>
    public static PortalBrowseWorkload PortalBrowse(Workload workload, OdooClient client, OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new PortalBrowseWorkload(client, credentials, PortalBrowseOptionsOf(workload));
    }

    private static OdooClient OdooClientOf(RegionTarget target) => new(target.Http, target.Ingress, target.Time);

    private static OrderImportOptions OrderImportOptionsOf(Workload workload)
    {
        var defaults = new OrderImportOptions();
        return defaults with
        {
            MinLines = workload.Lines?.Min ?? defaults.MinLines,
            MaxLines = workload.Lines?.Max ?? defaults.MaxLines,
            CustomerLimit = Parameter(workload, "customers") ?? defaults.CustomerLimit,
            ProductLimit = Parameter(workload, "products") ?? defaults.ProductLimit,
            Acknowledge = workload.Parameters.GetValueOrDefault("ack") == AcknowledgementValues.Commit ? OrderAcknowledgement.Commit : defaults.Acknowledge,
        };
    }

    private static WarehouseScanOptions WarehouseScanOptionsOf(Workload workload)
    {
        var defaults = new WarehouseScanOptions();
        return defaults with
        {
            WarehouseCode = workload.Region.ToUpperInvariant(),
            Backlog = Parameter(workload, "backlog") ?? defaults.Backlog,
            MinLines = workload.Lines?.Min ?? defaults.MinLines,
            MaxLines = workload.Lines?.Max ?? defaults.MaxLines,
            ProductLimit = Parameter(workload, "products") ?? defaults.ProductLimit,
        };
    }

    private static PortalBrowseOptions PortalBrowseOptionsOf(Workload workload)
    {
        var defaults = new PortalBrowseOptions();
        return defaults with
        {
            CustomerLimit = Parameter(workload, "customers") ?? defaults.CustomerLimit,
            PageSize = Parameter(workload, "page_size") ?? defaults.PageSize,
            Pages = Parameter(workload, "pages") ?? defaults.Pages,
        };
    }

    /// <summary>A whole-number parameter as the loader checked it, or null when the scenario leaves it out.</summary>
    private static int? Parameter(Workload workload, string key) =>
        workload.Parameters.TryGetValue(key, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    /// <summary>What an <c>http</c> workload sends: its <c>path</c> on <paramref name="ingress"/>, <c>method</c>, <c>headers</c>, <c>body</c>, and the <c>status</c> it expects.</summary>
    public static HttpWorkloadOptions HttpOptions(Workload workload, Uri ingress)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(ingress);
        var parameters = workload.Parameters;
        return new HttpWorkloadOptions
        {
            Url = new Uri(ingress, parameters["path"]),
            Method = parameters.TryGetValue("method", out var method) ? new HttpMethod(method) : HttpMethod.Get,
            Body = parameters.GetValueOrDefault("body"),
            ContentType = parameters.GetValueOrDefault("content_type") ?? "application/json",
            ExpectedStatus = parameters.TryGetValue("status", out var status) ? StatusRange.Parse(status) : StatusRange.Success,
            Timeout = parameters.TryGetValue("timeout", out var timeout) ? DurationParser.Parse(timeout) : HttpWorkloadOptions.DefaultTimeout,
            // The loader keeps headers as "Name: value" lines (WorkloadParameterType.Headers).
            Headers = parameters.TryGetValue("headers", out var headers)
                ? headers.Split('\n').Select(l => l.Split(": ", 2)).ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase)
                : new Dictionary<string, string>(),
        };
    }

    private static LoadModel Model(Workload workload, TimeSpan runDuration)
    {
        if (workload.Phases.Count == 0)
        {
            return Model(workload.Pacing[0]);
        }

        var phases = new List<LoadPhase>();
        var start = TimeSpan.Zero;
        foreach (var phase in workload.Phases)
        {
            var duration = phase.Duration ?? (runDuration - start);
            phases.Add(new LoadPhase(Model(phase), duration));
            start += duration;
        }

        return new PhasedLoad(phases);
    }

    private static LoadModel Model(WorkloadPhase pacing) => pacing.Model switch
    {
        WorkloadModel.ConstantRate => new ConstantRate(pacing.Rate?.PerSecond ?? 0),
        WorkloadModel.RampingRate => new RampingRate(
            pacing.Rate?.PerSecond ?? 0,
            [.. pacing.Stages.Select(s => new RateStage(s.Rate?.PerSecond ?? 0, s.Over))]),
        WorkloadModel.ConstantConcurrency => new ConstantConcurrency(pacing.Concurrency ?? 0) { ThinkTime = pacing.ThinkTime },
        WorkloadModel.RampingConcurrency => new RampingConcurrency(
            pacing.Concurrency ?? 0,
            [.. pacing.Stages.Select(s => new ConcurrencyStage(s.Concurrency ?? 0, s.Over))]) { ThinkTime = pacing.ThinkTime },
        WorkloadModel.Pause => new Pause(),
        _ => throw new UnsupportedScenarioException($"model {pacing.Model.ToName()} cannot run"),
    };
}
