using System.Globalization;
using Simulator.Load;
using Simulator.Load.Odoo;
using Simulator.Load.Scheduling;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>Turns a scenario's workloads into the load engine's plan and workload implementations.</summary>
public static class LoadPlanFactory
{
    /// <summary>The workload kinds a scenario run can drive through a region's Odoo.</summary>
    public static IReadOnlyList<string> OdooKinds { get; } =
        [OrderImportWorkload.DefaultName, WarehouseScanWorkload.DefaultName, PortalBrowseWorkload.DefaultName];

    /// <summary>
    /// Refuses, before anything starts, the parts of <paramref name="scenario"/> this build cannot run.
    /// </summary>
    public static void EnsureRunnable(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<string>();
        foreach (var workload in scenario.Workloads)
        {
            if (!OdooKinds.Contains(workload.Kind))
            {
                problems.Add($"workload '{workload.Name}': kind '{workload.Kind}' cannot run yet (available: {string.Join(", ", OdooKinds)})");
            }

            if (workload.Model is not (WorkloadModel.ConstantRate or WorkloadModel.RampingRate))
            {
                problems.Add($"workload '{workload.Name}': model {workload.Model} cannot run yet (available: constant-rate, ramping-rate)");
            }
        }

        if (scenario.Faults.Count > 0)
        {
            problems.Add($"{scenario.Faults.Count} fault(s): fault injection is not wired into runs yet; remove the faults: list");
        }

        if (scenario.Network.Latency.Count > 0)
        {
            problems.Add("network.latency: inter-region latency needs the fault proxy links, not wired into runs yet");
        }

        if (problems.Count > 0)
        {
            throw new UnsupportedScenarioException(
                $"{scenario.SourcePath}: this build cannot run:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems));
        }
    }

    /// <summary>The load plan of <paramref name="scenario"/>: one open-model workload plan per scenario workload.</summary>
    public static LoadPlan Plan(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return new LoadPlan(scenario.Duration, [.. scenario.Workloads.Select(w => new WorkloadPlan(w.Name, w.Region, Model(w)))])
        {
            Seed = scenario.Seed ?? 0,
        };
    }

    /// <summary>The Odoo workload of <paramref name="workload"/>'s kind, driving <paramref name="client"/> (the region's ingress).</summary>
    public static IWorkload OdooWorkload(Workload workload, OdooClient client, OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return workload.Kind switch
        {
            OrderImportWorkload.DefaultName => OrderImport(workload, client, credentials),
            WarehouseScanWorkload.DefaultName => WarehouseScan(workload, client, credentials),
            PortalBrowseWorkload.DefaultName => PortalBrowse(workload, client, credentials),
            _ => throw new UnsupportedScenarioException($"workload '{workload.Name}': kind '{workload.Kind}' is not an Odoo workload"),
        };
    }

    /// <summary>An order-import workload driving <paramref name="client"/>: <c>lines</c>, <c>customers</c>, <c>products</c>.</summary>
    public static OrderImportWorkload OrderImport(Workload workload, OdooClient client, OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var defaults = new OrderImportOptions();
        return new OrderImportWorkload(client, credentials, defaults with
        {
            MinLines = workload.Lines?.Min ?? defaults.MinLines,
            MaxLines = workload.Lines?.Max ?? defaults.MaxLines,
            CustomerLimit = Parameter(workload, "customers") ?? defaults.CustomerLimit,
            ProductLimit = Parameter(workload, "products") ?? defaults.ProductLimit,
        });
    }

    /// <summary>
    /// A warehouse-scan workload on the region's own warehouse (the emulator names it after the region, upper-cased):
    /// <c>backlog</c>, and <c>lines</c>, <c>products</c> for the backlog's orders.
    /// </summary>
    public static WarehouseScanWorkload WarehouseScan(Workload workload, OdooClient client, OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var defaults = new WarehouseScanOptions();
        return new WarehouseScanWorkload(client, credentials, defaults with
        {
            WarehouseCode = workload.Region.ToUpperInvariant(),
            Backlog = Parameter(workload, "backlog") ?? defaults.Backlog,
            MinLines = workload.Lines?.Min ?? defaults.MinLines,
            MaxLines = workload.Lines?.Max ?? defaults.MaxLines,
            ProductLimit = Parameter(workload, "products") ?? defaults.ProductLimit,
        });
    }

    /// <summary>A portal-browse workload: <c>customers</c>, <c>page_size</c>, <c>pages</c>.</summary>
    public static PortalBrowseWorkload PortalBrowse(Workload workload, OdooClient client, OdooCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(workload);
        var defaults = new PortalBrowseOptions();
        return new PortalBrowseWorkload(client, credentials, defaults with
        {
            CustomerLimit = Parameter(workload, "customers") ?? defaults.CustomerLimit,
            PageSize = Parameter(workload, "page_size") ?? defaults.PageSize,
            Pages = Parameter(workload, "pages") ?? defaults.Pages,
        });
    }

    /// <summary>A whole-number parameter as the loader checked it, or null when the scenario leaves it out.</summary>
    private static int? Parameter(Workload workload, string key) =>
        workload.Parameters.TryGetValue(key, out var text) ? int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) : null;

    private static LoadModel Model(Workload workload) => workload.Model switch
    {
        WorkloadModel.ConstantRate => new ConstantRate(workload.Rate?.PerSecond ?? 0),
        WorkloadModel.RampingRate => new RampingRate(
            workload.Rate?.PerSecond ?? 0,
            [.. workload.Stages.Select(s => new RateStage(s.Rate?.PerSecond ?? 0, s.Over))]),
        _ => throw new UnsupportedScenarioException($"workload '{workload.Name}': model {workload.Model} cannot run yet"),
    };
}
