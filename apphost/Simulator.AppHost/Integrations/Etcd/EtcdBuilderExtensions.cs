using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Simulator.AppHost.Integrations.Health;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Integrations.Etcd;

/// <summary>Adds etcd clusters of the native runtime (Debian's <c>etcd-server</c>, 3.4).</summary>
public static class EtcdBuilderExtensions
{
    /// <summary>The service name cross-region links carry etcd's peer traffic under.</summary>
    public const string PeerService = "etcd-peer";

    /// <summary>The service name cross-region links carry etcd's client traffic under.</summary>
    public const string ClientService = "etcd";

    /// <summary>
    /// Adds one etcd member per region, forming one cluster. Each member advertises the peer address every other
    /// region shares to reach it (<see cref="IRegionLinks.ReachFromAnyRegion"/>): etcd has a single peer URL per
    /// member, so a link can only cut a member off from all its peers at once. The v2 API is enabled
    /// (<c>--enable-v2=true</c>) for Patroni's <c>etcd:</c> client. A member is healthy once <c>/health</c> says the
    /// cluster has a leader, so no member is healthy before a quorum of them runs.
    /// </summary>
    public static EtcdCluster AddEtcdCluster(
        this IDistributedApplicationBuilder builder, RunDirectory run, IReadOnlyList<string> regions, IRegionLinks links)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(links);
        if (regions.Count == 0)
        {
            throw new ArgumentException("an etcd cluster needs at least one region", nameof(regions));
        }

        var members = regions
            .Select(region =>
            {
                var name = ResourceNaming.Etcd(region);
                var data = run.PathOf(name);
                return new EtcdMemberResource(name, region, run.Folder, data);
            })
            .ToList();
        var token = "sim-" + run.Id;
        var initialCluster = InitialCluster(members, links);

        return new EtcdCluster(token, [.. members.Select(member => builder.AddMember(member, token, initialCluster, links))]);
    }

    private static IResourceBuilder<EtcdMemberResource> AddMember(
        this IDistributedApplicationBuilder builder, EtcdMemberResource member, string token, ReferenceExpression initialCluster, IRegionLinks links)
    {
        var advertisedPeer = links.ReachFromAnyRegion(member.Region, PeerService, member.PeerEndpoint);

        return builder.AddResource(member)
            .WithEndpoint(EtcdMemberResource.ClientEndpointName, e =>
            {
                e.UriScheme = "http";
                e.IsProxied = false;
            })
            .WithEndpoint(EtcdMemberResource.PeerEndpointName, e =>
            {
                e.UriScheme = "http";
                e.IsProxied = false;
            })
            .WithArgs(context =>
            {
                var client = member.ClientEndpoint.Property(EndpointProperty.TargetPort);
                context.Args.Add("--name");
                context.Args.Add(member.Name);
                context.Args.Add("--data-dir");
                context.Args.Add(member.DataDirectory);
                context.Args.Add("--listen-client-urls");
                context.Args.Add(ReferenceExpression.Create($"http://127.0.0.1:{client}"));
                context.Args.Add("--advertise-client-urls");
                context.Args.Add(ReferenceExpression.Create($"http://127.0.0.1:{client}"));
                context.Args.Add("--listen-peer-urls");
                context.Args.Add(ReferenceExpression.Create($"http://127.0.0.1:{member.PeerEndpoint.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add("--initial-advertise-peer-urls");
                context.Args.Add(ReferenceExpression.Create($"http://127.0.0.1:{advertisedPeer.Property(EndpointProperty.Port)}"));
                context.Args.Add("--initial-cluster");
                context.Args.Add(initialCluster);
                context.Args.Add("--initial-cluster-state");
                context.Args.Add("new");
                context.Args.Add("--initial-cluster-token");
                context.Args.Add(token);
                // Patroni 3.0.2's etcd3 client can hand the leader key back to a resumed frozen leader; its v2
                // client, which needs this, does not (docs/failover.md).
                context.Args.Add("--enable-v2=true");
            })
            .WithReadinessCheck("health", ct => CheckAsync(member, ct))
            .WithIconName("DatabaseStack");
    }

    private static ReferenceExpression InitialCluster(List<EtcdMemberResource> members, IRegionLinks links)
    {
        var expression = new ReferenceExpressionBuilder();
        for (var i = 0; i < members.Count; i++)
        {
            var peer = links.ReachFromAnyRegion(members[i].Region, PeerService, members[i].PeerEndpoint);
            expression.AppendLiteral($"{(i == 0 ? string.Empty : ",")}{members[i].Name}=http://127.0.0.1:");
            expression.AppendFormatted(peer.Property(EndpointProperty.Port));
        }

        return expression.Build();
    }

    private static async Task<HealthCheckResult> CheckAsync(EtcdMemberResource member, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            using var response = await http.GetAsync(new Uri(member.ClientUrl, "/health"), cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("health", out var health) && health.GetString() == "true"
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"etcd /health: {body.Trim()}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
