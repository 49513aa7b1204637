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
/// slow links (whatever is lost, counted exactly). Two standups in all.
/// </summary>
public sealed class PatroniFailoverRunTests(ITestOutputHelper log)
{
    private static readonly string[] Regions = ["eu", "us", "apac"];

    [Fact]
    public async Task Synchronous_leader_loss_moves_the_leader_to_another_region_within_the_bound_and_loses_nothing()
    {
        var output = Fixtures.TempFolder();
        var report = await RunAsync("patroni-node-loss-sync.yaml", output, beforeTeardown: null);
        var failover = report.Failover;
        Assert.NotNull(failover);
        log.WriteLine(JsonSerializer.Serialize(failover with { ReplicationLag = null, WriteOrigins = null }, ReportJson.Options));

        var fault = Assert.Single(report.Faults);
        Assert.Equal(("kill", "leader", null), (fault.Kind, fault.Target, fault.Error));
        Assert.Equal("eu-pg-1", failover.OldLeader);
        Assert.NotNull(failover.NewLeader);
        Assert.Contains(failover.NewLeader.Split('-')[0], new[] { "us", "apac" });
        // ttl 10 s: the key expires ~10 s after the kill, then election and promotion; the clients then need the
        // routers' next check (1 s) and, across regions, new connections. The worst region's RTO counts any later flap.
        Assert.InRange(failover.NewLeaderPromotedAtSeconds!.Value - fault.StartedAtSeconds, 8, 20);
        Assert.NotNull(failover.RtoSeconds);
        Assert.InRange(failover.RtoSeconds.Value, 8, 30);
        Assert.True(failover.LeaderLostAtSeconds > failover.FaultAtSeconds);
        Assert.True(failover.NewLeaderPromotedAtSeconds >= failover.NewLeaderElectedAtSeconds);
        Assert.Equal(0, failover.LostWrites);
        Assert.Equal(0, report.Ledger.Lost);
        Assert.True(report.Ledger.Acknowledged > 20, $"only {report.Ledger.Acknowledged} orders acknowledged");
        Assert.NotEqual(true, failover.SplitBrain);

        // Every region wrote, felt the fault and recovered; its row says when.
        Assert.Equal(Regions.Order(StringComparer.Ordinal), failover.Regions!.Select(r => r.Region).Order(StringComparer.Ordinal));
        Assert.All(failover.Regions!, r =>
        {
            Assert.True(r.FailedWrites + r.UnknownWrites > 0, $"{r.Region} saw no failure: the fault did not reach it");
            Assert.NotNull(r.RtoSeconds);
        });

        // The old leader came back after 25 s and rejoined as a replica; every replica's lag was sampled.
        Assert.NotNull(failover.OldLeaderRejoinSeconds);
        Assert.Contains(failover.ReplicationLag!, s => s.Bytes.Any(b => b is not null));
        var markdown = await File.ReadAllTextAsync(Path.Combine(output, ReportMarkdown.FileName));
        Assert.Contains("| region | first failed |", markdown, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(output, ReportHtml.FileName));
        Assert.Contains("Replication lag — bytes behind the leader", html, StringComparison.Ordinal);

        await AssertNothingLeftAsync();
    }

    [Fact]
    public async Task Asynchronous_leader_loss_reports_exactly_the_acknowledged_orders_the_new_leader_lacks()
    {
        var output = Fixtures.TempFolder();
        long? absent = null;
        string? askedLeader = null;
        var report = await RunAsync("patroni-node-loss-async.yaml", output, async (topology, ct) =>
        {
            // Independently of the run's own check: every ledgered name, asked of the leader through a router.
            var ledger = await LedgerFile.ReadAsync(Path.Combine(output, LedgerWriter.FileName), ct);
            var router = topology.Region("us").DatabaseRouter!.Resource;
            var connection = await topology.Patroni!.ConnectionStringVia(router.WriteEndpoint).GetValueAsync(ct);
            (askedLeader, var present) = await PresentAsync(connection!, [.. ledger.Select(e => e.Id)], ct);
            absent = ledger.Count(e => !present.Contains(e.Id));
        });
        var failover = report.Failover;
        Assert.NotNull(failover);
        log.WriteLine(JsonSerializer.Serialize(failover with { ReplicationLag = null, WriteOrigins = null, Events = null }, ReportJson.Options));
        log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"acknowledged {report.Ledger.Acknowledged}, lost (report) {failover.LostWrites}, absent (independent, on {askedLeader}) {absent}"));

        Assert.NotNull(absent);
        Assert.Equal(failover.NewLeader, askedLeader);
        Assert.NotEqual("eu-pg-1", failover.NewLeader);
        Assert.Equal(absent, failover.LostWrites);
        Assert.Equal(absent, report.Ledger.Lost);
        Assert.True(report.Ledger.Acknowledged > 20, $"only {report.Ledger.Acknowledged} orders acknowledged");

        await AssertNothingLeftAsync();
    }

    private static async Task<LoadReport> RunAsync(string fixture, string output, Func<NativeTopology, CancellationToken, Task>? beforeTeardown)
    {
        var scenario = ScenarioFiles.Load(Fixtures.Path(fixture), durationOverride: null, Console.Error);
        Assert.NotNull(scenario);
        var run = new ScenarioRun(scenario, TopologyCatalog.SinglePrimaryMultiReplica, output, Console.Error)
        {
            CreateBuilder = TestingBuilders.Create,
            BeforeTeardown = beforeTeardown,
        };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        return await run.RunAsync(TimeProvider.System, timeout.Token);
    }

    /// <summary>Which node answered (its <c>sim.node</c>), and which of <paramref name="names"/> it holds as sale orders.</summary>
    internal static async Task<(string Node, HashSet<string> Present)> PresentAsync(string connectionString, string[] names, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var who = new NpgsqlCommand("SELECT current_setting('sim.node')", connection);
        var node = (string)(await who.ExecuteScalarAsync(ct))!;
        await using var command = new NpgsqlCommand("SELECT name FROM sale_order WHERE name = ANY(@names)", connection);
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
