using Simulator.AppHost.Topology;
using Simulator.Scenarios;

namespace Simulator.AppHost.Run;

/// <summary>
/// On a topology with tenants, a workload that names no <c>tenant:</c> works in its region's first tenant — the
/// database its region's Odoo nodes default to — and is given it here, once, so the load logs into it, the report
/// shows it and the ledger looks its orders up on that tenant's server.
/// </summary>
public static class TenantDefaults
{
    /// <summary><paramref name="scenario"/> with every workload's tenant set where <paramref name="topology"/> decides it.</summary>
    public static Scenario Apply(Scenario scenario, TopologySpec topology)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(topology);
        return topology.Tenants.Count == 0 || scenario.Workloads.All(w => w.Tenant is not null)
            ? scenario
            : scenario with { Workloads = [.. scenario.Workloads.Select(w => w.Tenant is null ? w with { Tenant = topology.DefaultTenant(w.Region) } : w)] };
    }
}
