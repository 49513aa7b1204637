using Simulator.AppHost.Integrations.FaultProxy;
using Simulator.AppHost.Integrations.HAProxy;
using Simulator.AppHost.Integrations.Patroni;
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

    /// <summary>Property: what Patroni says of PostgreSQL on a Patroni node (<c>running</c>, <c>starting</c>, <c>stopped</c>, ...; <c>not answering</c>).</summary>
    public const string PatroniStateProperty = "patroni.state";

    /// <summary>Property: a Patroni node's PostgreSQL timeline.</summary>
    public const string TimelineProperty = "patroni.timeline";

    /// <summary>Property: how many bytes of WAL a replica has not replayed yet (the leader's position minus its own).</summary>
    public const string LagBytesProperty = "sim.lag.bytes";

    /// <summary>Property: how many seconds a replica's replay is behind (0 once it has replayed all it received).</summary>
    public const string LagSecondsProperty = "sim.lag.seconds";

    /// <summary>The role of a Patroni node that leads (accepts writes).</summary>
    public const string Leader = "leader";

    /// <summary>The role of <paramref name="resource"/> in a native topology.</summary>
    /// <param name="resource">A resource of the topology.</param>
    /// <returns>Its role.</returns>
    public static string Of(IResource resource) => resource switch
    {
        NativePostgresResource { Role: PostgresRole.Primary } => "primary",
        NativePostgresResource => "replica",
        PatroniNodeResource => "database (Patroni decides: leader or replica)",
        NativeRedisResource => "redis (sessions)",
        NativeS3Resource => "object storage",
        HAProxyResource => "ingress",
        FaultProxyResource => "fault proxy (cross-region links)",
        ProjectResource => "odoo",
        _ => resource.GetType().Name,
    };
}
