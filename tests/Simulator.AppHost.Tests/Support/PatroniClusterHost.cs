using System.Diagnostics;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Simulator.AppHost.Integrations.HAProxy;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Native;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Tests;

/// <summary>
/// A real Patroni cluster (etcd, Patroni, PostgreSQL) with a PostgreSQL router per region, stood up through
/// Aspire.Hosting.Testing with direct links; disposing stops it, kills leftovers and removes the run folder.
/// </summary>
public sealed class PatroniClusterHost : IAsyncDisposable
{
    public const string Database = "app";

    private readonly ResourceLogCollector _logs;

    private PatroniClusterHost(DistributedApplication app, RunDirectory run, PatroniCluster cluster, IReadOnlyList<IResourceBuilder<PostgresRouterResource>> routers, ResourceLogCollector logs)
    {
        App = app;
        Run = run;
        Cluster = cluster;
        Routers = routers;
        _logs = logs;
    }

    public DistributedApplication App { get; }

    public RunDirectory Run { get; }

    public PatroniCluster Cluster { get; }

    public IReadOnlyList<IResourceBuilder<PostgresRouterResource>> Routers { get; }

    /// <summary>How long it took from starting the application until every resource was healthy.</summary>
    public TimeSpan TimeToHealthy { get; private set; }

    public string Password => Cluster.Passwords.Superuser;

    public static async Task<PatroniClusterHost> StartAsync(
        IReadOnlyList<string> regions, PatroniClusterOptions options, string logDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "None";
        var cluster = builder.AddPatroniCluster(run, regions, Database, RunSecrets.NewPassword(), options, DirectRegionLinks.Instance);
        var routers = regions.Select(r => builder.AddPostgresRouter(run, r, cluster, DirectRegionLinks.Instance)).ToList();
        var app = builder.Build();
        var resources = cluster.AllResources().Concat(routers.Select(r => (IResource)r.Resource)).ToList();
        var logs = new ResourceLogCollector(app, resources, logDirectory);
        var host = new PatroniClusterHost(app, run, cluster, routers, logs);
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            var started = Stopwatch.StartNew();
            var healthy = Task.WhenAll(resources.Select(r =>
                app.ResourceNotifications.WaitForResourceHealthyAsync(r.Name, WaitBehavior.StopOnResourceUnavailable, deadline.Token)));
            await app.StartAsync(deadline.Token);
            await healthy;
            host.TimeToHealthy = started.Elapsed;
            return host;
        }
        catch (Exception ex)
        {
            var tails = string.Join(Environment.NewLine, resources.Select(r => $"--- {r.Name}{Environment.NewLine}" + string.Join(Environment.NewLine, logs.Tail(r.Name))));
            await host.DisposeAsync();
            throw new InvalidOperationException($"the cluster did not become healthy: {ex.Message}{Environment.NewLine}{tails}", ex);
        }
    }

    public IResourceBuilder<PostgresRouterResource> Router(string region) => Routers.First(r => r.Resource.Region == region);

    /// <summary>A connection string to a router endpoint, or to a node's own PostgreSQL.</summary>
    public string ConnectionString(EndpointReference endpoint, string? applicationName = null) =>
        $"Host=127.0.0.1;Port={endpoint.Port};Username=postgres;Password={Password};Database={Database};Timeout=3;Command Timeout=5"
        + (applicationName is null ? string.Empty : $";Application Name={applicationName}");

    public IReadOnlyList<string> Tail(string resource) => _logs.Tail(resource);

    public async ValueTask DisposeAsync()
    {
        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            try
            {
                await App.StopAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // The sweep below kills what did not stop in time.
            }
        }

        await App.DisposeAsync();
        await _logs.DisposeAsync();
        ProcessSweeper.KillProcessesMentioning(Run.Folder);
        Run.Dispose();
    }
}
