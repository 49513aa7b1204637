using System.Text.Json.Nodes;
using Npgsql;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Database;

/// <summary>
/// A real streaming replica (<c>pg_basebackup -R</c>) of a primary: read-only calls go to the
/// replica (Odoo 17+'s <c>db_replica_host</c>), writes to the primary, and after the primary dies
/// and the standby is promoted the emulator carries on without a restart.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ReplicaAndFailoverTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Reads_go_to_the_replica_writes_to_the_primary_and_a_promoted_standby_takes_over_without_restart()
    {
        await using var primary = await PostgresServer.StartAsync();
        var database = await primary.CreateDatabaseAsync("replicated");
        await using var standby = await PostgresServer.StartStandbyAsync(primary);
        // Both hosts, primary wanted: Npgsql finds whichever is primary when the pool reconnects.
        var primaryConnection = new NpgsqlConnectionStringBuilder(database)
        {
            Host = $"127.0.0.1:{primary.Port},127.0.0.1:{standby.Port}",
            TargetSessionAttributes = "primary",
            ApplicationName = "emulator-primary",
        };
        primaryConnection.Remove("Port");
        var replicaConnection = new NpgsqlConnectionStringBuilder(standby.ConnectionString("replicated")) { ApplicationName = "emulator-replica" }.ConnectionString;

        await using var factory = new EmulatorFactory(primaryConnection.ConnectionString, new Dictionary<string, string?> { ["Odoo:DbReplica"] = replicaConnection });
        var rpc = factory.CreateRpcClient();
        var written = (int)(await rpc.ExecuteKwAsync("res.partner", "create", [Json.Object("""{"name": "Written on the primary"}""")]))!;
        await WaitForReplayAsync(standby.ConnectionString("replicated"), $"SELECT count(*) FROM res_partner WHERE id = {written}");

        var before = factory.Metrics.ReplicaTransactions;
        var rows = (await rpc.ExecuteKwAsync("res.partner", "search_read",
            [new JsonArray(new JsonArray("id", "=", written))], Json.Object("""{"fields": ["name"]}""")))!.AsArray();
        Assert.Equal("Written on the primary", (string?)Assert.Single(rows)!["name"]);
        Assert.Equal(before + 1, factory.Metrics.ReplicaTransactions);

        Assert.True(await ScalarAsync<bool>(standby.ConnectionString(), "SELECT pg_is_in_recovery()"));
        Assert.Equal(1L, await ScalarAsync<long>(standby.ConnectionString(),
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'emulator-replica' AND datname = 'replicated'"));
        Assert.Equal(0L, await ScalarAsync<long>(primary.ConnectionString(),
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'emulator-replica'"));
        Assert.True(await ScalarAsync<long>(primary.ConnectionString(),
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'emulator-primary'") > 0);

        // Writes go to the primary: on the replica they would fail as read-only.
        // Each write's response names the server and timeline that committed it; a read's names none.
        var replicaCalls = factory.Metrics.ReplicaTransactions;
        var (created, originBefore) = await rpc.ExecuteKwWithOriginAsync("sale.order", "create", [Json.Object("""{"partner_id": 1}""")]);
        var orderBefore = (int)created!;
        Assert.Equal(replicaCalls, factory.Metrics.ReplicaTransactions);
        Assert.Equal($"127.0.0.1:{primary.Port}/tl1", originBefore);
        var (_, readOrigin) = await rpc.ExecuteKwWithOriginAsync("res.partner", "search", [new JsonArray()], Json.Object("""{"limit": 1}"""));
        Assert.Null(readOrigin);

        // Failover: the primary dies, the standby is promoted; the emulator is not restarted.
        await primary.StopAsync();
        await standby.PromoteAsync();

        var (createdAfter, originAfter) = await rpc.ExecuteKwWithOriginAsync("sale.order", "create", [Json.Object("""{"partner_id": 1}""")]);
        var orderAfter = (int)createdAfter!;
        // The promoted standby writes on a new timeline.
        Assert.Equal($"127.0.0.1:{standby.Port}/tl2", originAfter);
        var orders = (await rpc.ExecuteKwAsync("sale.order", "search", [new JsonArray(new JsonArray("id", "in", new JsonArray(orderBefore, orderAfter)))]))!.AsArray();
        Assert.Equal(2, orders.Count);
        Assert.False(await ScalarAsync<bool>(standby.ConnectionString(), "SELECT pg_is_in_recovery()"));
        Assert.True(factory.Metrics.PoolClears > 0);
    }

    [Fact]
    public async Task An_unreachable_replica_sends_reads_to_the_primary_for_the_retry_window()
    {
        var unreachable = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = FreePort.Next(), Username = "postgres", Timeout = 2 }.ConnectionString;
        await using var factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("replica_down"), new Dictionary<string, string?>
        {
            ["Odoo:DbReplica"] = unreachable,
        });
        var rpc = factory.CreateRpcClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Single((await rpc.ExecuteKwAsync("res.partner", "search", [new JsonArray()], Json.Object("""{"limit": 1}""")))!.AsArray());
        }

        // One failed attempt, then the replica is left alone (Odoo: for 20 minutes).
        Assert.Equal(1, factory.Metrics.ReplicaFallbacks);
        Assert.Equal(0, factory.Metrics.ReplicaTransactions);
    }

    private static async Task WaitForReplayAsync(string connectionString, string sql)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                if (await ScalarAsync<long>(connectionString, sql) > 0)
                {
                    return;
                }
            }
            catch (PostgresException)
            {
                // The tables are not replayed yet.
            }

            await Task.Delay(50);
        }

        Assert.Fail("the standby did not replay the primary's writes within 10 s");
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
