using Simulator.AppHost.Integrations.FaultProxy;
using Simulator.AppHost.Integrations.HAProxy;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Integrations.Redis;
using Simulator.AppHost.Integrations.S3;

namespace Simulator.AppHost.ControlRoom;

/// <summary>The properties the dashboard shows for the simulator's resources: region and role.</summary>
public static class ResourceRoles
{
    /// <summary>Property: the region a resource belongs to.</summary>
    public const string RegionProperty = "sim.region";

    /// <summary>Property: what the resource is in the topology (<c>primary</c>, <c>replica</c>, <c>odoo</c>, ...).</summary>
    public const string RoleProperty = "sim.role";

    /// <summary>Property: the faults set from the control room still in effect on a region or node (<c>none</c> once healed).</summary>
    public const string FaultsProperty = "sim.faults";

    /// <summary>Property: a region's ingress URL (where its users' requests go).</summary>
    public const string IngressProperty = "sim.ingress";

    /// <summary>The role of <paramref name="resource"/> in a native topology.</summary>
    /// <param name="resource">A resource of the topology.</param>
    /// <returns>Its role.</returns>
    public static string Of(IResource resource) => resource switch
    {
        NativePostgresResource { Role: PostgresRole.Primary } => "primary",
        NativePostgresResource => "replica",
        NativeRedisResource => "redis (sessions)",
        NativeS3Resource => "object storage",
        HAProxyResource => "ingress",
        FaultProxyResource => "fault proxy (cross-region links)",
        ProjectResource => "odoo",
        _ => resource.GetType().Name,
    };
}
