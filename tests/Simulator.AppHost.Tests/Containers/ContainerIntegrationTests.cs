using Npgsql;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;
using Simulator.Load.Odoo;
using Xunit.Abstractions;

namespace Simulator.AppHost.Tests.Containers;

/// <summary>
/// single-region-ha stood up in real containers. Runs only where an engine answers and the pinned
/// images are pulled; elsewhere it passes after reporting "not run (reason)" — visibly, in the test
/// output and in <c>containers-integration.txt</c> next to the tests — and fails if the reason does not
/// say what was tried. An xunit Skip would be worse: it reads the same whether the machine has no
/// engine or the probe is broken and never finds one.
/// </summary>
public sealed class ContainerIntegrationTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(10);

    public static string StatusFile => Path.Combine(AppContext.BaseDirectory, "containers-integration.txt");

    [Fact]
    public async Task Single_region_ha_runs_in_containers_or_reports_why_it_was_not_run()
    {
        var options = ContainerTopologyOptions.Default;
        var readiness = await ContainerIntegrationReadiness.CheckAsync(options.Images, CancellationToken.None);
        if (!readiness.CanRun)
        {
            var line = $"container integration: not run ({readiness.Reason})";
            output.WriteLine(line);
            await File.WriteAllTextAsync(StatusFile, line + Environment.NewLine);
            // The reason must name every engine CLI tried and what it answered: a probe that says nothing fails here.
            Assert.Matches("docker: .+", readiness.Reason!);
            Assert.True(readiness.Engine is not null || readiness.Reason!.Contains("podman: ", StringComparison.Ordinal), readiness.Reason);
            return;
        }

        await File.WriteAllTextAsync(StatusFile, $"container integration: run with {readiness.Engine}{Environment.NewLine}");
        await RunSingleRegionHaAsync(readiness.Engine!, options);
    }

    private async Task RunSingleRegionHaAsync(string engine, ContainerTopologyOptions options)
    {
        using var run = RunDirectory.Create(TimeProvider.System);
        var builder = TestingBuilders.Create();
        builder.Configuration["DcpPublisher:ContainerRuntimeInitializationTimeout"] = "00:01:00";
        builder.Configuration["DcpPublisher:ContainerRuntime"] = engine;
        var credentials = RunSecrets.NewOdooCredentials();
        var topology = builder.AddContainerTopology(TopologyCatalog.SingleRegionHa, run, credentials, options);
        await using var app = builder.Build();
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            await app.StartAsync(timeout.Token);
            foreach (var resource in topology.LongRunningResources())
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource.Name, timeout.Token);
                output.WriteLine($"{resource.Name} healthy");
            }

            var eu = topology.Region("eu");
            // Odoo answers through Traefik, with the run's credentials the seed script set.
            using var http = new HttpClient();
            var odoo = new OdooClient(http, new Uri(eu.Ingress.Resource.IngressUrl), TimeProvider.System);
            var uid = await odoo.AuthenticateAsync(credentials.Database, credentials.Login, credentials.Password, timeout.Token);
            Assert.True(uid > 0);
            var products = await odoo.ExecuteKwAsync("product.product", "search_count", [new object[] { new object[] { "barcode", "=like", "20%" } }], null, timeout.Token);
            Assert.Equal(options.Odoo.SeedProducts, products.GetInt32());

            // Traefik's postgres entry point reaches the leader (not in recovery).
            var password = await eu.DatabaseNodes[0].Resource.PasswordParameter.GetValueAsync(timeout.Token);
            var leader = $"Host=127.0.0.1;Port={eu.Ingress.Resource.PostgresEndpoint.Port};Username=postgres;Password={password};Database=postgres;Pooling=false";
            await using var connection = new NpgsqlConnection(leader);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
            Assert.False((bool)(await command.ExecuteScalarAsync(timeout.Token))!);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            var volumes = ProcessRunner.Run(engine, ["volume", "ls", "-q", "--filter", "name=" + RunVolumes.PrefixOf(run)]);
            foreach (var volume in volumes.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                ProcessRunner.Run(engine, ["volume", "rm", "-f", volume]);
            }
        }
    }
}
