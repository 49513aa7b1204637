using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Simulator.AppHost.Failover;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.Chaos;
using Simulator.Load;
using Simulator.Load.Failover;
using Simulator.Load.Ledger;
using Simulator.Load.Measurement;
using Simulator.Load.Reports;
using Simulator.Load.Scheduling;

namespace Simulator.AppHost.Tests.Integrations.Patroni;

/// <summary>
/// A real three-region Patroni cluster (etcd 3.4 v2 API, Patroni 3.0.2, PostgreSQL 15, synchronous replication, fast
/// timing) with an HAProxy router per region: it bootstraps, routes, and survives the SIGKILL of its leader's Patroni
/// and PostgreSQL under a steady write load from two regions without losing an acknowledged write.
/// </summary>
public sealed class PatroniFailoverTests
{
    private static readonly string[] Regions = ["eu", "us", "apac"];

    [Fact]
    public async Task Leader_loss_under_write_load_fails_over_to_another_region_within_the_target_and_loses_nothing()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var ct = timeout.Token;
        var output = Fixtures.TempFolder();
        var options = new PatroniClusterOptions { Replication = PatroniReplication.Sync, Timing = PatroniTiming.Fast };
        var host = await PatroniClusterHost.StartAsync(Regions, options, Path.Combine(output, "logs"), TimeSpan.FromMinutes(3), ct);
        FailoverReport failover;
        await using (host)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bootstrap: every resource healthy after {host.TimeToHealthy.TotalSeconds:0.0} s"));
            Assert.True(host.TimeToHealthy <= TimeSpan.FromSeconds(60), $"bootstrap took {host.TimeToHealthy.TotalSeconds:0.0} s");
            await AssertRoutingAsync(host, ct);

            failover = await KillLeaderUnderLoadAsync(host, output, ct);
        }

        Console.Error.WriteLine(JsonSerializer.Serialize(failover, ReportJson.Options));
        Assert.Equal("eu-pg-1", failover.OldLeader);
        Assert.NotNull(failover.NewLeader);
        Assert.NotEqual("eu", failover.NewLeader!.Split('-')[0]);
        Assert.NotNull(failover.RtoSeconds);
        Assert.InRange(failover.RtoSeconds!.Value, 0.1, 15);
        Assert.Equal(2, failover.Regions!.Count);
        Assert.All(failover.Regions, r => Assert.True(r.FailedWrites + r.UnknownWrites > 0, $"{r.Region} saw no failure: the fault did not reach it"));
        Assert.Equal(0, failover.LostWrites);
        Assert.False(failover.SplitBrain);
        Assert.True(failover.LeaderLostAtSeconds > failover.FaultAtSeconds);
        Assert.True(failover.NewLeaderPromotedAtSeconds >= failover.NewLeaderElectedAtSeconds);
        Assert.NotNull(failover.OldLeaderRejoinSeconds);
        Assert.Contains(failover.ReplicationLag!, s => s.Bytes.Any(b => b is not null));

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(15));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    /// <summary>Every region's write endpoint reaches the leader; a replica region's read endpoint its own replica.</summary>
    private static async Task AssertRoutingAsync(PatroniClusterHost host, CancellationToken ct)
    {
        foreach (var region in Regions)
        {
            var router = host.Router(region).Resource;
            Assert.Equal(("eu-pg-1", false), await WhoAsync(host.ConnectionString(router.WriteEndpoint), ct));
            var (node, inRecovery) = await WhoAsync(host.ConnectionString(router.ReadEndpoint), ct);
            Assert.True(inRecovery, $"{region}'s read endpoint reached the primary");
            if (region != "eu")
            {
                Assert.Equal($"{region}-pg-1", node);
            }
        }
    }

    private static async Task<(string Node, bool InRecovery)> WhoAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT current_setting('sim.node'), pg_is_in_recovery()", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetString(0), reader.GetBoolean(1));
    }

    private static async Task<FailoverReport> KillLeaderUnderLoadAsync(PatroniClusterHost host, string output, CancellationToken ct)
    {
        var time = TimeProvider.System;
        using var probe = PatroniClusterProbe.For(host.Cluster, TimeSpan.FromSeconds(1));
        var observer = new ClusterObserver(probe, time);
        var lag = new ReplicationLagSampler(
            new PostgresReplicationLagSource(host.Cluster.Nodes.ToDictionary(n => n.Resource.Name, n => host.ConnectionString(n.Resource.PostgresEndpoint)), observer),
            time);
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watching = Task.WhenAll(observer.RunAsync(stopWatching.Token), lag.RunAsync(stopWatching.Token));

        var writers = new[] { "eu", "us" }.Select(r => new PostgresWriteWorkload(host.ConnectionString(host.Router(r).Resource.WriteEndpoint))).ToList();
        var plan = new LoadPlan(TimeSpan.FromSeconds(30),
        [
            new WorkloadPlan("writes-eu", "eu", new ConstantRate(20)),
            new WorkloadPlan("writes-us", "us", new ConstantRate(20)),
        ]);
        var ledgerPath = Path.Combine(output, LedgerWriter.FileName);
        var outcomes = new OutcomeRecorder();
        LoadRunResult result;
        DateTimeOffset faultAt;
        using (var ledger = LedgerWriter.Open(ledgerPath))
        {
            var run = LoadRun.RunAsync(plan, [.. writers], new LoadRunOptions { Ledger = ledger, Outcomes = outcomes }, time, ct);
            await Task.Delay(TimeSpan.FromSeconds(8), ct);

            var faults = new SignalProcessFaults((name, token) => PidsAsync(host, name, token));
            faultAt = time.GetUtcNow();
            var killed = await faults.KillAsync("eu-pg-1", ct);
            Console.Error.WriteLine($"killed eu-pg-1: {string.Join(' ', killed.Pids)}");
            result = await run;
        }

        // The old leader comes back and must rejoin as a replica of the new one (pg_rewind when needed).
        var commands = host.App.Services.GetRequiredService<ResourceCommandService>();
        var healedAt = time.GetUtcNow();
        var started = await commands.ExecuteCommandAsync("eu-pg-1", KnownResourceCommands.StartCommand, ct);
        Assert.True(started.Success, started.Message);
        var rejoin = Stopwatch.StartNew();
        while (!observer.Events(result.StartedAt).Any(e => e.Kind == FailoverEventKind.OldLeaderRejoined) && rejoin.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(200, ct);
        }

        await stopWatching.CancelAsync();
        await watching;

        var newLeader = observer.Latest!.Nodes.Single(n => n.IsRunningPrimary).Node;
        var entries = await LedgerFile.ReadAsync(ledgerPath, ct);
        var check = await LedgerChecker.CheckAsync(
            entries.Select(e => e.Id),
            writers.SelectMany(w => w.UnknownIds),
            PostgresWriteWorkload.Lookup(host.ConnectionString(host.Cluster.Nodes.Single(n => n.Resource.Name == newLeader).Resource.PostgresEndpoint)),
            ct);
        foreach (var second in outcomes.Snapshot().Where(o => o.Outcome != Outcome.Ok).GroupBy(o => (int)o.EndedAtSeconds))
        {
            Console.Error.WriteLine($"  second {second.Key}: " + string.Join(", ", second.GroupBy(o => $"{o.Region} {o.ErrorKind}").Select(g => $"{g.Key} x{g.Count()}")));
        }

        Console.Error.WriteLine($"writes: {result.Workloads.Sum(w => w.Ok)} ok, {result.Workloads.Sum(w => w.Failed)} failed, {result.Workloads.Sum(w => w.Unknown)} unknown; ledger {check.Acknowledged} acknowledged, {check.Lost} lost, {check.Recovered} recovered");

        return FailoverAnalyzer.Analyze(new FailoverInput((faultAt - result.StartedAt).TotalSeconds, outcomes.Snapshot(), observer.Events(result.StartedAt))
        {
            HealedAtSeconds = (healedAt - result.StartedAt).TotalSeconds,
            LedgerCheck = check,
            Ledger = entries,
            ReplicationLag = lag.Series(result.StartedAt),
        });
    }

    /// <summary>The node's Patroni (Aspire's PID) and its postmaster (its PID file): Patroni starts PostgreSQL detached.</summary>
    private static async Task<IReadOnlyList<int>> PidsAsync(PatroniClusterHost host, string resource, CancellationToken ct)
    {
        var pids = new List<int>();
        if (host.App.ResourceNotifications.TryGetCurrentState(resource, out var state)
            && state.Snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value
            && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var patroni))
        {
            pids.Add(patroni);
        }

        var node = host.Cluster.Nodes.Single(n => n.Resource.Name == resource).Resource;
        if (await PidFile.ReadAsync(node.PostmasterPidFile, ct) is { } postmaster)
        {
            pids.Add(postmaster);
        }

        return pids;
    }
}
