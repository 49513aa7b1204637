using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Topology;
using Simulator.Chaos;

namespace Simulator.AppHost.ControlRoom;

/// <summary>
/// Turns the dashboard into a control room for a native topology: a resource per region with the region's nodes as
/// children, the fault proxy under a topology resource, region and role shown on every resource, and custom commands
/// (<see cref="ControlRoomCommands"/>) whose outcomes go to a <see cref="ControlRoomLog"/>.
/// </summary>
public static class ControlRoomBuilderExtensions
{
    /// <summary>The relationship type the dashboard nests children by.</summary>
    public const string ParentRelationship = "Parent";

    /// <summary>The relationship a replica keeps to its primary once its region is its parent.</summary>
    public const string ReplicaOfRelationship = "ReplicaOf";

    /// <summary>
    /// Adds the control room to <paramref name="topology"/>. Region network commands are added to the regions that
    /// have a cross-region link (a single-region topology has none); database nodes get kill, freeze and thaw, and a
    /// Patroni node also "switchover to here" and live properties (<see cref="PatroniNodeProperties"/>).
    /// </summary>
    /// <param name="builder">The app builder the topology was added to.</param>
    /// <param name="topology">The topology's resources.</param>
    /// <param name="log">Where every command's outcome is recorded.</param>
    /// <returns>The resources added.</returns>
    public static ControlRoomResources AddControlRoom(this IDistributedApplicationBuilder builder, NativeTopology topology, ControlRoomLog log)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(log);
        var regions = new List<IResourceBuilder<RegionResource>>();
        // Resolved once the app runs, when every region resource below exists.
        builder.Services.AddSingleton(services => new ControlRoomActions(
            topology, log, services.GetRequiredService<ResourceNotificationService>(), services.GetRequiredService<ResourceCommandService>())
        {
            Regions = regions.ToDictionary(r => r.Resource.Name, r => (IResource)r.Resource),
        });
        if (topology.Patroni is { } cluster)
        {
            builder.Services.AddHostedService(services => new PatroniNodeProperties(cluster, services.GetRequiredService<ResourceNotificationService>(), log.Time));
        }

        var shared = topology.FaultProxy is null ? [] : new IResource[] { topology.FaultProxy.Resource };
        var top = builder.AddResource(new TopologyResource(topology.Spec.Name))
            .WithIconName("Diagram")
            .WithGroupState(TopologyResource.ResourceType, topology.AllResources().ToList(), [new("description", topology.Spec.Description)])
            .WithTopologyCommands(log.Time)
            .ExcludeFromManifest();
        foreach (var resource in shared)
        {
            builder.CreateResourceBuilder(resource).WithParentRelationship(top).WithRoleProperties(null);
        }

        var links = topology.FaultProxy?.Resource.Links.Select(l => l.Name).ToList() ?? [];
        foreach (var region in topology.Regions)
        {
            var members = region.All().ToList();
            var databases = string.Join(", ", members.Where(m => m is Integrations.Postgres.NativePostgresResource or PatroniNodeResource).Select(n => $"{n.Name} ({ResourceRoles.Of(n)})"));
            var group = builder.AddResource(new RegionResource(region.Name))
                .WithIconName("Globe")
                .WithGroupState(RegionResource.ResourceType, members, [new(ResourceRoles.RegionProperty, region.Name), new("databases", databases)])
                .WithIngressUrl(region.Ingress.Resource)
                .ExcludeFromManifest();
            if (links.Any(LinkTarget.Region(region.Name).Matches))
            {
                group.WithRegionCommands();
            }

            foreach (var member in members)
            {
                builder.CreateResourceBuilder(member).WithRegionAsParent(group).WithRoleProperties(region.Name);
            }

            foreach (var node in new[] { region.Primary }.OfType<IResourceBuilder<Integrations.Postgres.NativePostgresResource>>().Concat(region.MorePrimaries).Concat(region.Replicas))
            {
                node.WithDatabaseNodeCommands();
            }

            region.PatroniNode?.WithDatabaseNodeCommands().WithSwitchoverCommand();

            regions.Add(group);
        }

        return new ControlRoomResources(top, regions);
    }

    /// <summary>
    /// Makes the region the resource's parent. A replica's parent was its primary, which may be in another region: that
    /// relationship stays, shown as <c>ReplicaOf</c> instead, so the dashboard still links them.
    /// </summary>
    private static IResourceBuilder<IResource> WithRegionAsParent(this IResourceBuilder<IResource> resource, IResourceBuilder<RegionResource> region)
    {
        foreach (var parent in resource.Resource.Annotations.OfType<ResourceRelationshipAnnotation>().Where(a => a.Type == ParentRelationship).ToList())
        {
            resource.Resource.Annotations.Remove(parent);
            resource.WithRelationship(parent.Resource, ReplicaOfRelationship);
        }

        return resource.WithParentRelationship(region);
    }

    /// <summary>
    /// A group (region or topology) runs nothing itself: it shows <c>Starting</c> until each of its members is ready
    /// (healthy), then <c>Running</c>.
    /// </summary>
    private static IResourceBuilder<T> WithGroupState<T>(
        this IResourceBuilder<T> group, string type, List<IResource> members, ImmutableArray<ResourcePropertySnapshot> properties)
        where T : IResource
    {
        group.WithInitialState(new CustomResourceSnapshot
        {
            ResourceType = type,
            State = new ResourceStateSnapshot(KnownResourceStates.Starting, KnownResourceStateStyles.Info),
            Properties = [.. properties, new("members", string.Join(", ", members.Select(m => m.Name)))],
        });
        var waiting = members.Count;
        foreach (var member in members)
        {
            group.ApplicationBuilder.Eventing.Subscribe<ResourceReadyEvent>(member, async (e, _) =>
            {
                if (Interlocked.Decrement(ref waiting) == 0)
                {
                    await e.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(group.Resource, s => s with
                    {
                        State = new ResourceStateSnapshot(KnownResourceStates.Running, KnownResourceStateStyles.Success),
                    });
                }
            });
        }

        return group;
    }

    /// <summary>Once the ingress has its port, the region links to it.</summary>
    private static IResourceBuilder<RegionResource> WithIngressUrl(this IResourceBuilder<RegionResource> region, Integrations.HAProxy.HAProxyResource ingress)
    {
        region.ApplicationBuilder.Eventing.Subscribe<ResourceEndpointsAllocatedEvent>(ingress, async (e, _) =>
            await e.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(region.Resource, s => s with
            {
                Urls = [new UrlSnapshot("ingress", ingress.IngressUrl, IsInternal: false)],
                Properties = [.. s.Properties.Where(p => p.Name != ResourceRoles.IngressProperty), new(ResourceRoles.IngressProperty, ingress.IngressUrl)],
            }));
        return region;
    }

    /// <summary>Shows the resource's region and role next to Aspire's own properties once it starts.</summary>
    private static IResourceBuilder<IResource> WithRoleProperties(this IResourceBuilder<IResource> resource, string? region)
    {
        ResourcePropertySnapshot[] ours = region is null
            ? [new(ResourceRoles.RoleProperty, ResourceRoles.Of(resource.Resource))]
            : [new(ResourceRoles.RegionProperty, region), new(ResourceRoles.RoleProperty, ResourceRoles.Of(resource.Resource))];
        resource.ApplicationBuilder.Eventing.Subscribe<BeforeResourceStartedEvent>(resource.Resource, async (e, _) =>
            await e.Services.GetRequiredService<ResourceNotificationService>().PublishUpdateAsync(resource.Resource, s => s with
            {
                Properties = [.. s.Properties.Where(p => !ours.Any(o => o.Name == p.Name)), .. ours],
            }));
        return resource;
    }
}
