using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Load.Ledger;
using Simulator.Load.Reports;
using Xunit.Abstractions;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// <c>sim run</c> of a shortened primary-node-loss on single-primary-multi-replica (three regions: Patroni, etcd, a
/// PostgreSQL router, Redis, S3, an Odoo emulator and HAProxy each, every cross-region connection through the fault
/// proxy): the leader is SIGKILLed (<c>kill: leader</c>, resolved through Patroni when the fault fires) and the
/// report's failover figures are checked — once with synchronous replication (nothing lost), once asynchronous over
/// slow links, orders acknowledged on commit (whatever is lost, counted exactly) — and a shortened
/// primary-region-isolation (<c>partition: eu</c>). One stand-up for the three, shared as <c>sim suite</c> shares it:
/// reset between runs, and switched from synchronous to asynchronous replication in the running cluster for the last.
/// The synchronous run also checks, after the failover, that every region's router sends writes to the new leader
/// and reads to a replica.
/// </summary>
public sealed class PatroniFailoverRunTests(ITestOutputHelper log)
{
    private static readonly string[] Regions = ["eu", "us", "apac"];

    [Fact]
    public async Task Leader_loss_and_region_isolation_on_one_stand_up_move_the_leader_out_and_count_every_lost_write()
    {
        var (syncOutput, isolationOutput, asyncOutput) = (Fixtures.TempFolder(), Fixtures.TempFolder(), Fixtures.TempFolder());
        var routes = new Dictionary<string, (Endpoint Write, Endpoint Read)>(StringComparer.Ordinal);
        long? absent = null;
        string? askedLeader = null;
        var shared = new SharedStandUp(Console.Error);
        LoadReport synchronous, isolation, asynchronous;
        try
        {
            synchronous = await RunOnSharedAsync(shared, "patroni-node-loss-sync.yaml", syncOutput, async (topology, ct) =>
            {
                foreach (var region in Regions)
                {
                    routes[region] = await RoutesAsync(topology, region, ct);
                }
            });
            isolation = await RunOnSharedAsync(shared, "patroni-region-isolation-sync.yaml", isolationOutput, beforeTeardown: null);
            // The same stand-up, switched to asynchronous replication and slowed links by the run's own `database:`
            // and latency matrix.
            asynchronous = await RunOnSharedAsync(shared, "patroni-node-loss-async.yaml", asyncOutput, async (topology, ct) =>
            {
                // Independently of the run's own check: every ledgered name, asked of the leader through a router.
                var ledger = await LedgerFile.ReadAsync(Path.Combine(asyncOutput, LedgerWriter.FileName), ct);
                var router = topology.Region("us").DatabaseRouter!.Resource;
                var connection = await topology.Patroni!.ConnectionStringVia(router.WriteEndpoint).GetValueAsync(ct);
                (askedLeader, var present) = await PresentAsync(connection!, [.. ledger.Select(e => e.Id)], ct);
                absent = ledger.Count(e => !present.Contains(e.Id));
            });
        }
        finally
        {
            await shared.TearDownAsync();
        }

        await AssertSynchronousLeaderLossAsync(synchronous, syncOutput, routes);
        AssertRegionIsolation(isolation);
        AssertAsynchronousLeaderLoss(asynchronous, absent, askedLeader);
        await AssertNothingLeftAsync();
    }

    /// <summary>
    /// Synchronous leader loss: the leader moves to another region within the bound and nothing is lost; after the
    /// failover every region's router sends writes to the new leader and reads to a replica.
    /// </summary>
    private async Task AssertSynchronousLeaderLossAsync(LoadReport report, string output, Dictionary<string, (Endpoint Write, Endpoint Read)> routes)
    {
        var failover = report.Failover;
        Assert.NotNull(failover);
        log.WriteLine(JsonSerializer.Serialize(failover with { ReplicationLag = null, WriteOrigins = null }, ReportJson.Options));
        log.WriteLine("after the run: " + string.Join("; ", routes.Select(r => $"{r.Key} writes {r.Value.Write}, reads {r.Value.Read}")));

        var fault = Assert.Single(report.Faults);
        Assert.Equal(("kill", "leader", null), (fault.Kind, fault.Target, fault.Error));
        Assert.Equal("eu-pg-1", failover.OldLeader);
        Assert.NotNull(failover.NewLeader);
        Assert.Contains(failover.NewLeader.Split('-')[0], new[] { "us", "apac" });
        // ttl 10 s: the key expires ~10 s after the kill, then election and promotion; the clients then need the
        // routers' next check (1 s) and, across regions, new connections and a replica streaming from the new leader.
        // The worst region's RTO counts any later flap. The 15 s target itself is met in the benchmark (`sim bench
        // failover`, 5 of 5 on a quiet machine, docs/performance.md); here, on a CI machine others share, it is held
        // to 20 s (measured in CI: 12.4 s, 13.8 s).
        Assert.InRange(failover.NewLeaderPromotedAtSeconds!.Value - fault.StartedAtSeconds, 8, 20);
        Assert.NotNull(failover.RtoSeconds);
        Assert.InRange(failover.RtoSeconds.Value, 8, 20);
        Assert.True(failover.LeaderLostAtSeconds > failover.FaultAtSeconds);
        Assert.True(failover.NewLeaderPromotedAtSeconds >= failover.NewLeaderElectedAtSeconds);
        Assert.Equal(0, failover.LostWrites);
        Assert.Equal(0, report.Ledger.Lost);
        Assert.True(report.Ledger.Acknowledged > 20, $"only {report.Ledger.Acknowledged} orders acknowledged");
        // Split brain is judged, on the servers' own word: every confirmation named its server and timeline, the old
        // leader's (tl1: this run stood the cluster up) before the fault and the new leader's, on a later timeline, after
        // it, and none overlapped.
        Assert.Equal(false, failover.SplitBrain);
        Assert.Equal(0, failover.SplitBrainWrites);
        AssertOriginsHandOver(failover, report.Ledger.Acknowledged);

        // Every region wrote, felt the fault and recovered; its row says when.
        Assert.Equal(Regions.Order(StringComparer.Ordinal), failover.Regions!.Select(r => r.Region).Order(StringComparer.Ordinal));
        Assert.All(failover.Regions!, r =>
        {
            Assert.True(r.FailedWrites + r.UnknownWrites > 0, $"{r.Region} saw no failure: the fault did not reach it");
            Assert.NotNull(r.RtoSeconds);
        });

        // The old leader came back after 25 s and rejoined as a replica; every replica's lag was sampled.
        Assert.NotNull(failover.OldLeaderRejoinSeconds);

        // The routers followed: every region's writes reach the new leader; reads stay on a replica, the region's own
        // one wherever the region's node is a replica (eu's too, now that it rejoined).
        Assert.Equal(Regions.Order(StringComparer.Ordinal), routes.Keys.Order(StringComparer.Ordinal));
        Assert.All(routes, r =>
        {
            Assert.Equal(new Endpoint(failover.NewLeader, InRecovery: false), r.Value.Write);
            Assert.True(r.Value.Read.InRecovery, $"{r.Key}'s read endpoint reached {r.Value.Read.Node}, the primary");
            if (failover.NewLeader != $"{r.Key}-pg-1")
            {
                Assert.Equal($"{r.Key}-pg-1", r.Value.Read.Node);
            }
        });
        Assert.Contains(failover.ReplicationLag!, s => s.Bytes.Any(b => b is not null));
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, ReportMarkdown.FileName));
        Assert.Contains("| region | first failed |", markdown, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(output, ReportHtml.FileName));
        Assert.Contains("Replication lag — bytes behind the leader", html, StringComparison.Ordinal);
    }

    /// <summary>Region isolation: the leader moves out of eu while eu is cut off, the others recover, nothing is lost.</summary>
    private void AssertRegionIsolation(LoadReport report)
    {
        var failover = report.Failover;
        Assert.NotNull(failover);
        log.WriteLine(JsonSerializer.Serialize(failover with { ReplicationLag = null }, ReportJson.Options));

        var fault = Assert.Single(report.Faults);
        Assert.Equal(("partition", "eu", null), (fault.Kind, fault.Target, fault.Error));
        Assert.NotNull(fault.EndedAtSeconds);
        Assert.Equal("eu-pg-1", failover.OldLeader);
        Assert.NotNull(failover.NewLeader);
        Assert.Contains(failover.NewLeader.Split('-')[0], new[] { "us", "apac" });
        // The leader moved while eu was still cut off (ttl 10 s), not because the partition healed.
        Assert.True(failover.NewLeaderPromotedAtSeconds < fault.EndedAtSeconds, $"promoted at {failover.NewLeaderPromotedAtSeconds}, healed at {fault.EndedAtSeconds}");

        // The regions that still reach a quorum recovered, and their RTO is reported; the isolated region's writes failed.
        var regions = failover.Regions!.ToDictionary(r => r.Region, StringComparer.Ordinal);
        // Bounded like the leader loss, plus the election's wait: the remaining members ask the cut-off leader's REST API,
        // which hangs until its timeout instead of refusing (2.2 s from the key's expiry to the election, against 0.3 s
        // after a kill; us and apac measured 13.4 s and 15.3 s).
        Assert.All(new[] { "us", "apac" }, r => Assert.InRange(regions[r].RtoSeconds!.Value, 8, 20));
        Assert.True(regions["eu"].FailedWrites + regions["eu"].UnknownWrites > 0, "eu's writes did not fail while it was cut off");
        Assert.NotNull(regions["eu"].FirstFailedSeconds);

        // Synchronous replication: nothing acknowledged was lost, and no two servers accepted writes at once.
        Assert.Equal(0, failover.LostWrites);
        Assert.Equal(0, report.Ledger.Lost);
        Assert.True(report.Ledger.Acknowledged > 15, $"only {report.Ledger.Acknowledged} orders acknowledged");
        Assert.Equal(false, failover.SplitBrain);
        AssertOriginsHandOver(failover, report.Ledger.Acknowledged);
    }

    /// <summary>Asynchronous leader loss over slow links: the report's lost writes are exactly the orders the new leader lacks.</summary>
    private void AssertAsynchronousLeaderLoss(LoadReport report, long? absent, string? askedLeader)
    {
        var failover = report.Failover;
        Assert.NotNull(failover);
        log.WriteLine(JsonSerializer.Serialize(failover with { ReplicationLag = null, WriteOrigins = null, Events = null }, ReportJson.Options));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"acknowledged {report.Ledger.Acknowledged}, lost (report) {failover.LostWrites}, absent (independent, on {askedLeader}) {absent}"));

        Assert.NotNull(absent);
        Assert.Equal(failover.NewLeader, askedLeader);
        Assert.Equal(false, failover.SplitBrain);
        Assert.NotEqual("eu-pg-1", failover.NewLeader);
        Assert.Equal(absent, failover.LostWrites);
        Assert.Equal(absent, report.Ledger.Lost);
        Assert.True(report.Ledger.Acknowledged > 20, $"only {report.Ledger.Acknowledged} orders acknowledged");
    }

    /// <summary>
    /// Every acknowledged order has an origin: the old leader's timeline (tl1 on a fresh stand-up; later ones once a
    /// shared stand-up's reset handed the lead back to it), then the new leader's, on a later timeline.
    /// </summary>
    private static void AssertOriginsHandOver(FailoverReport failover, long acknowledged)
    {
        var origins = failover.WriteOrigins!;
        Assert.Equal(acknowledged, origins.Sum(o => o.Acknowledged));
        Assert.StartsWith("eu-pg-1/tl", origins[0].Origin, StringComparison.Ordinal);
        var before = Timeline(origins[0].Origin);
        Assert.Contains(origins, o => o.Origin.StartsWith(failover.NewLeader + "/tl", StringComparison.Ordinal) && Timeline(o.Origin) > before);
    }

    private static int Timeline(string origin) => int.Parse(origin.Split("/tl")[1], CultureInfo.InvariantCulture);

    /// <summary>Which server a region's write and read endpoints reach, once its router sees the settled cluster.</summary>
    private static async Task<(Endpoint Write, Endpoint Read)> RoutesAsync(NativeTopology topology, string region, CancellationToken ct)
    {
        var router = topology.Region(region).DatabaseRouter!.Resource;
        var write = (await topology.Patroni!.ConnectionStringVia(router.WriteEndpoint).GetValueAsync(ct))!;
        var read = (await topology.Patroni!.ConnectionStringVia(router.ReadEndpoint).GetValueAsync(ct))!;
        // The routers check each node every second: give them a few checks to move a rejoined replica back in.
        var settle = TimeSpan.FromSeconds(15);
        var started = TimeProvider.System.GetTimestamp();
        while (true)
        {
            var routes = (await WhoAsync(write, ct), await WhoAsync(read, ct));
            if ((routes.Item1 is { InRecovery: false } && routes.Item2.Node == $"{region}-pg-1" && routes.Item2.InRecovery)
                || TimeProvider.System.GetElapsedTime(started) > settle)
            {
                return routes;
            }

            await Task.Delay(500, ct);
        }
    }

    private static async Task<Endpoint> WhoAsync(string connectionString, CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(Unpooled(connectionString));
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT current_setting('sim.node'), pg_is_in_recovery()", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new Endpoint(reader.GetString(0), reader.GetBoolean(1));
        }
        catch (NpgsqlException e)
        {
            return new Endpoint($"(unreachable: {e.Message})", InRecovery: false);
        }
    }

    /// <summary>
    /// A connection of its own each time: runs on one stand-up share the routers' addresses, and a pooled connection
    /// from an earlier run may belong to a server a failover has since restarted (57P01 on first use).
    /// </summary>
    private static string Unpooled(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;

    /// <summary>The server an endpoint reached (its <c>sim.node</c>) and whether it was in recovery.</summary>
    private sealed record Endpoint(string? Node, bool InRecovery);

    /// <summary>
    /// Runs <paramref name="fixture"/> on the stand-up <paramref name="shared"/> holds (reset first), as <c>sim suite</c>
    /// does, and logs how long the stand-up or reset and the run took (this test's time in CI is mostly these).
    /// </summary>
    private async Task<LoadReport> RunOnSharedAsync(
        SharedStandUp shared, string fixture, string output, Func<NativeTopology, CancellationToken, Task>? beforeTeardown)
    {
        var scenario = ScenarioFiles.Load(Fixtures.Path(fixture), durationOverride: null, Console.Error);
        Assert.NotNull(scenario);
        var run = new ScenarioRun(scenario, TopologyCatalog.SinglePrimaryMultiReplica, output, Console.Error)
        {
            CreateBuilder = TestingBuilders.Create,
            BeforeTeardown = beforeTeardown,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var watch = Stopwatch.StartNew();
        var (host, reset, standUp) = await shared.AcquireAsync(
            run, DatabasePlan.Apply(scenario, TopologyCatalog.SinglePrimaryMultiReplica), mayReuse: true, TimeProvider.System, timeout.Token);
        var acquired = watch.Elapsed;
        var report = await run.RunOnAsync(host, TimeProvider.System, timeout.Token);
        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{fixture}: {(standUp is { } up ? $"stand-up {up.TotalSeconds:0.0} s" : $"reset {reset!.Duration.TotalSeconds:0.0} s")} ({acquired.TotalSeconds:0.0} s with the reconfiguration), run {(watch.Elapsed - acquired).TotalSeconds:0.0} s for {report.DurationSeconds:0} s of load"));
        return report;
    }

    /// <summary>Which node answered (its <c>sim.node</c>), and which of <paramref name="names"/> it holds as confirmed sale orders.</summary>
    internal static async Task<(string Node, HashSet<string> Present)> PresentAsync(string connectionString, string[] names, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(Unpooled(connectionString));
        await connection.OpenAsync(ct);
        await using var who = new NpgsqlCommand("SELECT current_setting('sim.node')", connection);
        var node = (string)(await who.ExecuteScalarAsync(ct))!;
        await using var command = new NpgsqlCommand("SELECT name FROM sale_order WHERE name = ANY(@names) AND state = 'sale'", connection);
        command.Parameters.AddWithValue("names", names);
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            present.Add(reader.GetString(0));
        }

        return (node, present);
    }

    private static async Task AssertNothingLeftAsync()
    {
        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(15));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }
}
