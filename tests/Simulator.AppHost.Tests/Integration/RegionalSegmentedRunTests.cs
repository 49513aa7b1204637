using System.Globalization;
using Npgsql;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Load.Ledger;
using Xunit.Abstractions;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// <c>sim run</c> of a shortened regional-segmented scenario: acme's orders written in eu, globex's in us, each region on
/// its own primary, each primary streaming to a disaster-recovery replica in the other region; eu is cut off for a
/// while. One standup.
/// </summary>
public sealed class RegionalSegmentedRunTests(ITestOutputHelper log)
{
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Each_tenant_writes_to_its_own_region_s_primary_the_dr_replicas_copy_them_and_a_partition_fails_neither()
    {
        var output = Fixtures.TempFolder();
        var checks = new List<string>();
        var scenario = ScenarioFiles.Load(Fixtures.Path("regional-segmented-partition.yaml"), durationOverride: null, Console.Error);
        Assert.NotNull(scenario);
        var endpointsFile = Path.Combine(output, "endpoints.json");
        var run = new ScenarioRun(scenario, TopologyCatalog.RegionalSegmented, output, Console.Error)
        {
            CreateBuilder = TestingBuilders.Create,
            EndpointsFile = endpointsFile,
            BeforeTeardown = async (topology, ct) =>
            {
                // Independently of the run's own ledger check: each region's orders on its own primary, the other
                // primary holding no database of that tenant, and the other region's DR replica holding them too.
                var ledger = await LedgerFile.ReadAsync(Path.Combine(output, LedgerWriter.FileName), ct);
                foreach (var (home, tenant, drRegion) in new[] { ("eu", "acme", "us"), ("us", "globex", "eu") })
                {
                    var ids = ledger.Where(e => e.Region == home).Select(e => e.Id).ToArray();
                    var primary = topology.Region(home).Primary!.Resource;
                    var replica = Assert.Single(topology.Region(drRegion).Replicas).Resource;
                    var onPrimary = await OrdersAsync((await primary.ConnectionStringExpression.GetValueAsync(ct))!, ids, ct);
                    var replicaConnection = (await replica.ConnectionStringExpression.GetValueAsync(ct))!;
                    var onReplica = await OrdersOnceCaughtUpAsync(replicaConnection, ids, ct);
                    var inRecovery = await InRecoveryAsync(replicaConnection, ct);
                    var otherPrimary = topology.Region(drRegion).Primary!.Resource;
                    var otherDatabases = await DatabasesAsync((await otherPrimary.ConnectionStringExpression.GetValueAsync(ct))!, ct);
                    checks.Add(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{tenant}: {ids.Length} acknowledged in {home}, {onPrimary.Count} on {primary.Name}, {onReplica.Count} on DR replica {replica.Name} (in recovery: {inRecovery}), databases on {otherPrimary.Name}: {string.Join(' ', otherDatabases)}"));
                    Assert.Equal(tenant, replica.Database);
                    Assert.True(ids.Length > 10, $"only {ids.Length} {tenant} orders acknowledged in {home}");
                    Assert.Equal(ids.Length, onPrimary.Count);
                    Assert.Equal(ids.Length, onReplica.Count);
                    Assert.True(inRecovery, $"{replica.Name} is not a replica");
                    Assert.DoesNotContain(tenant, otherDatabases);
                }
            },
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var report = await run.RunAsync(TimeProvider.System, timeout.Token);
        foreach (var line in checks)
        {
            log.WriteLine(line);
        }

        foreach (var w in report.Workloads)
        {
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{w.Name}@{w.Region}/{w.Tenant}: started {w.Started}, acknowledged {w.Acknowledged}, ok {w.Ok}, failed {w.Failed}, unknown {w.Unknown}, dropped {w.Dropped}, p50 {w.LatencyMs?.P50} ms, p99 {w.LatencyMs?.P99} ms, errors {string.Join(' ', w.ErrorKinds.Select(e => $"{e.Key}={e.Value}"))}"));
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ledger: acknowledged {report.Ledger.Acknowledged}, lost {report.Ledger.Lost}, unknown {report.Ledger.Unknown}"));

        // Each region's workload worked in its own tenant, and the cut between the regions failed neither's writes: every
        // order started was acknowledged, no database step (read, create, confirm) failed or timed out. (An attachment
        // upload to the region's own s3rver may time out on a saturated machine; that is not the cut.)
        Assert.Equal([("eu", "acme"), ("us", "globex")], report.Workloads.Select(w => (w.Region, w.Tenant)));
        // The endpoints file hands each region's own tenant, the one its Odoo serves.
        using (var endpoints = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(endpointsFile)))
        {
            var regions = endpoints.RootElement.GetProperty("regions");
            Assert.Equal(
                ["acme", "globex"],
                new[] { "eu", "us" }.Select(r => regions.GetProperty(r).GetProperty("odoo").GetProperty("database").GetString()));
        }

        Assert.Equal([("partition", "eu", (string?)null)], report.Faults.Select(f => (f.Kind, f.Target, f.Error)));
        Assert.All(report.Workloads, w => Assert.Equal((w.Name, w.Started), (w.Name, w.Acknowledged)));
        Assert.All(
            report.Workloads.SelectMany(w => w.Operations.Where(o => o.Name != "import.attach").Select(o => (w.Name, o))),
            x => Assert.Equal((x.Name, x.o.Name, 0L, 0L), (x.Name, x.o.Name, x.o.Failed, x.o.Unknown)));
        Assert.All(report.Workloads, w => Assert.True(w.Acknowledged > 20, $"{w.Name}: only {w.Acknowledged} orders"));

        // The ledger was checked per tenant on that tenant's primary: nothing lost, everything found.
        Assert.Equal(0, report.Ledger.Lost);
        Assert.Equal(report.Workloads.Sum(w => w.Acknowledged), report.Ledger.Acknowledged);
        Assert.Equal(2, checks.Count);
        Assert.True(report.Passed, "a threshold failed");

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(15));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    /// <summary>The confirmed orders among <paramref name="names"/> on the database at <paramref name="connectionString"/>.</summary>
    private static async Task<HashSet<string>> OrdersAsync(string connectionString, string[] names, CancellationToken ct)
    {
        var present = await PrimaryLedgerLookup.SaleOrderNames(connectionString)(names, ct);
        return [.. present];
    }

    /// <summary>As <see cref="OrdersAsync"/> on a replica, asked again until it holds them all or its catch-up time is up (it streams asynchronously).</summary>
    private static async Task<HashSet<string>> OrdersOnceCaughtUpAsync(string connectionString, string[] names, CancellationToken ct)
    {
        var deadline = DateTimeOffset.UtcNow + CatchUpTimeout;
        while (true)
        {
            var present = await OrdersAsync(connectionString, names, ct);
            if (present.Count == names.Length || DateTimeOffset.UtcNow > deadline)
            {
                return present;
            }

            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    private static async Task<List<string>> DatabasesAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE NOT datistemplate", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<bool> InRecoveryAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery()", connection);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
