using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Simulator.AppHost.Integrations.Etcd;
using Simulator.AppHost.Integrations.Health;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>Adds Patroni-managed PostgreSQL clusters of the native runtime.</summary>
public static class PatroniBuilderExtensions
{
    /// <summary>The service name cross-region links carry PostgreSQL under.</summary>
    public const string PostgresService = "postgres";

    /// <summary>The service name cross-region links carry Patroni's REST API under.</summary>
    public const string RestService = "patroni";

    /// <summary>
    /// The service name links carry <paramref name="service"/> of a region's node <paramref name="ordinal"/> under:
    /// <c>postgres</c> for the first node, <c>postgres-2</c> for the second, so each node has links of its own.
    /// </summary>
    public static string NodeService(string service, int ordinal) =>
        ordinal == 1 ? service : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{service}-{ordinal}");

    /// <summary>
    /// Adds a Patroni cluster inside one region: an etcd member of its own and <paramref name="nodes"/> nodes
    /// (<c>R-pg-1</c> bootstraps, the others clone it), all reaching each other directly, as a region's network does.
    /// With <paramref name="standbySource"/> it is a standby cluster: <c>R-pg-1</c> bootstraps by cloning the
    /// PostgreSQL behind that endpoint (another region's node, through a fault-proxy link) and its nodes follow it,
    /// asynchronously, until the cluster is promoted (<c>standby_cluster</c> removed from its configuration).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid or <paramref name="nodes"/> is below one.</exception>
    public static PatroniCluster AddRegionalPatroniCluster(
        this IDistributedApplicationBuilder builder,
        RunDirectory run,
        string region,
        int nodes,
        string database,
        PatroniPasswords passwords,
        PatroniClusterOptions options,
        EndpointReference? standbySource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrEmpty(region);
        ArgumentException.ThrowIfNullOrEmpty(database);
        ArgumentNullException.ThrowIfNull(passwords);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid Patroni options: " + string.Join("; ", errors), nameof(options));
        }

        var links = DirectRegionLinks.Instance;
        var etcd = builder.AddEtcdCluster(run, [region], links);
        var binDirectory = PostgresInstallation.BinDirectory();
        var added = new List<IResourceBuilder<PatroniNodeResource>>();
        for (var ordinal = 1; ordinal <= nodes; ordinal++)
        {
            var node = builder.AddNode(run, region, ordinal, database, passwords, binDirectory, options, etcd, links, standbySource);
            node.WaitFor(etcd.Member(region));
            if (added.Count > 0)
            {
                node.WaitFor(added[0]);
            }

            added.Add(node);
        }

        return new PatroniCluster(options, etcd, added, passwords);
    }

    /// <summary>
    /// Adds a Patroni cluster across <paramref name="regions"/>: an etcd member and a Patroni node per region. The
    /// first region's node bootstraps the cluster (initdb, then <paramref name="database"/> is created) and becomes
    /// the first leader; the others start once it is up and clone it. Each node reaches every etcd member through
    /// <paramref name="links"/> (<see cref="IRegionLinks.Reach"/>), and advertises its PostgreSQL and REST addresses
    /// as every other region reaches them (<see cref="IRegionLinks.ReachFromAnyRegion"/>), since Patroni publishes one
    /// address per member for all. A node is healthy once its PostgreSQL runs; its role is in the health description.
    /// A region in <paramref name="tags"/> gets those Patroni tags on its node (e.g. <c>nosync</c> on a far region).
    /// </summary>
    /// <exception cref="ArgumentException">The options are invalid (every problem is listed) or no region is given.</exception>
    public static PatroniCluster AddPatroniCluster(
        this IDistributedApplicationBuilder builder,
        RunDirectory run,
        IReadOnlyList<string> regions,
        string database,
        string superuserPassword,
        PatroniClusterOptions options,
        IRegionLinks links,
        IReadOnlyDictionary<string, PatroniNodeTags>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentException.ThrowIfNullOrEmpty(database);
        ArgumentException.ThrowIfNullOrEmpty(superuserPassword);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(links);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("invalid Patroni options: " + string.Join("; ", errors), nameof(options));
        }

        if (regions.Count == 0 || regions.Distinct(StringComparer.Ordinal).Count() != regions.Count)
        {
            throw new ArgumentException("a Patroni cluster needs distinct regions, at least one", nameof(regions));
        }

        var etcd = builder.AddEtcdCluster(run, regions, links);
        var passwords = PatroniPasswords.New(superuserPassword);
        var binDirectory = PostgresInstallation.BinDirectory();
        var nodes = new List<IResourceBuilder<PatroniNodeResource>>();
        foreach (var region in regions)
        {
            var node = builder.AddNode(run, region, 1, database, passwords, binDirectory, options, etcd, links, standbySource: null, tags?.GetValueOrDefault(region));
            foreach (var member in etcd.Members)
            {
                node.WaitFor(member);
            }

            // The first node bootstraps; the others would only wait for its leader key, and clone it once it is there.
            if (nodes.Count > 0)
            {
                node.WaitFor(nodes[0]);
            }

            nodes.Add(node);
        }

        return new PatroniCluster(options, etcd, nodes, passwords);
    }

    private static IResourceBuilder<PatroniNodeResource> AddNode(
        this IDistributedApplicationBuilder builder,
        RunDirectory run,
        string region,
        int ordinal,
        string database,
        PatroniPasswords passwords,
        string binDirectory,
        PatroniClusterOptions options,
        EtcdCluster etcd,
        IRegionLinks links,
        EndpointReference? standbySource,
        PatroniNodeTags? tags = null)
    {
        var name = ResourceNaming.DatabaseNode(region, ordinal);
        var sockets = run.PathOf($"{name}-sockets");
        Directory.CreateDirectory(sockets);
        NativeUser.HandToDatabaseUser(sockets);
        var settings = new PatroniNodeSettings(
            name,
            run.PathOf(name),
            sockets,
            run.PathOf($"{name}.pgpass"),
            binDirectory,
            database,
            $"bash {NativeScripts.PathOf("patroni-post-init.sh")} {database}",
            passwords)
        {
            Tags = tags ?? PatroniNodeTags.None,
        };
        var configFile = run.WriteSecret($"{name}.yml", PatroniConfig.Render(settings, options));
        var (command, prefix) = NativeUser.AsDatabaseUser("patroni");
        var resource = new PatroniNodeResource(name, command, run.Folder, region, configFile, settings.DataDirectory, database, passwords.Superuser)
        {
            Ordinal = ordinal,
        };

        var advertisedRest = links.ReachFromAnyRegion(region, RestService, resource.RestEndpoint);
        var advertisedPostgres = links.ReachFromAnyRegion(region, PostgresService, resource.PostgresEndpoint);
        var added = builder.AddResource(resource);
        if (standbySource is not null)
        {
            added.WaitForServerOf(standbySource);
        }

        return added
            .WithEndpoint(PatroniNodeResource.RestEndpointName, e =>
            {
                e.UriScheme = "http";
                e.IsProxied = false;
            })
            .WithEndpoint(PatroniNodeResource.PostgresEndpointName, e =>
            {
                e.UriScheme = "tcp";
                e.IsProxied = false;
            })
            .WithArgs(context =>
            {
                foreach (var arg in prefix)
                {
                    context.Args.Add(arg);
                }

                context.Args.Add(configFile);
            })
            .WithArgs(async context =>
            {
                // A standby cluster's source is a link whose port is known only now: render its configuration again.
                if (standbySource is not null)
                {
                    var port = int.Parse(await standbySource.Property(EndpointProperty.Port).GetValueAsync(context.CancellationToken) ?? "0", System.Globalization.CultureInfo.InvariantCulture);
                    run.WriteSecret($"{name}.yml", PatroniConfig.Render(settings, options, port));
                }
            })
            .WithEnvironment(PatroniConfig.RestListenVariable, Loopback(resource.RestEndpoint.Property(EndpointProperty.TargetPort)))
            .WithEnvironment(PatroniConfig.RestConnectVariable, Loopback(advertisedRest.Property(EndpointProperty.Port)))
            .WithEnvironment(PatroniConfig.PostgresListenVariable, Loopback(resource.PostgresEndpoint.Property(EndpointProperty.TargetPort)))
            .WithEnvironment(PatroniConfig.PostgresConnectVariable, Loopback(advertisedPostgres.Property(EndpointProperty.Port)))
            .WithEnvironment(PatroniConfig.DcsHostsVariable(options.Dcs), DcsHosts(region, etcd, links))
            .WithReadinessCheck("running", ct => CheckAsync(resource, ct))
            .WithIconName("DatabaseSwitch");
    }

    private static ReferenceExpression Loopback(EndpointReferenceExpression port) => ReferenceExpression.Create($"127.0.0.1:{port}");

    /// <summary>Every etcd member as a client in <paramref name="region"/> reaches it, the region's own member first.</summary>
    private static ReferenceExpression DcsHosts(string region, EtcdCluster etcd, IRegionLinks links)
    {
        var expression = new ReferenceExpressionBuilder();
        var ordered = etcd.Members.OrderBy(m => m.Resource.Region == region ? 0 : 1).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            var member = ordered[i].Resource;
            var reach = links.Reach(region, member.Region, EtcdBuilderExtensions.ClientService, member.ClientEndpoint);
            expression.AppendLiteral(i == 0 ? "127.0.0.1:" : ",127.0.0.1:");
            expression.AppendFormatted(reach.Property(EndpointProperty.Port));
        }

        return expression.Build();
    }

    private static async Task<HealthCheckResult> CheckAsync(PatroniNodeResource node, CancellationToken cancellationToken)
    {
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var status = await PatroniApi.GetStatusAsync(http, node.RestUrl, cancellationToken);
            return status.IsRunning
                ? HealthCheckResult.Healthy(status.RoleName)
                : HealthCheckResult.Unhealthy($"PostgreSQL {status.State} ({status.RoleName})");
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy(ex.Message);
        }
    }
}
