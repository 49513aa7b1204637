using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Npgsql;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Web;

/// <summary>
/// The database probe behind <c>/web/health?db_server_status=1</c> has a connection of its own: a node whose requests
/// hold every connection of the request pool (here waiting on a row lock) still reports its database reachable at
/// once, instead of queueing for a connection until the probe times out and the node is taken for dead.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class HealthProbeTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Database_probe_answers_while_every_request_connection_is_busy()
    {
        var database = await postgres.CreateDatabaseAsync("healthpool");
        await using var factory = new EmulatorFactory(database, new Dictionary<string, string?>
        {
            ["Odoo:DbMaxConn"] = "2",
            ["Odoo:Workers"] = "6",
            ["Odoo:HealthTimeoutMs"] = "1500",
        });
        var rpc = factory.CreateRpcClient();
        Assert.Equal(HttpStatusCode.OK, await HealthStatusAsync(rpc));

        // Lock partner 1 from outside, then let two writes to it take both of the pool's connections and wait.
        await using var blocker = new NpgsqlConnection(database);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT id FROM res_partner WHERE id = 1 FOR UPDATE", blocker, transaction))
        {
            await lockRow.ExecuteScalarAsync();
        }

        var writes = Enumerable.Range(0, 2)
            .Select(i => rpc.ExecuteKwAsync("res.partner", "write", [new JsonArray(1), new JsonObject { ["name"] = $"Waiting {i}" }]))
            .ToList();
        await WaitForWaitingWritesAsync(database, expected: 2);

        var clock = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, await HealthStatusAsync(rpc));
        Assert.True(clock.Elapsed < TimeSpan.FromMilliseconds(1500), $"the probe took {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.All(writes, write => Assert.False(write.IsCompleted));

        await transaction.RollbackAsync();
        await Task.WhenAll(writes);
    }

    private static async Task<HttpStatusCode> HealthStatusAsync(OdooRpcClient rpc)
    {
        using var response = await rpc.Http.GetAsync(new Uri("/web/health?db_server_status=1", UriKind.Relative));
        return response.StatusCode;
    }

    /// <summary>Waits until <paramref name="expected"/> sessions of the database wait on a lock (bounded: 10 s).</summary>
    private static async Task WaitForWaitingWritesAsync(string database, int expected)
    {
        await using var watcher = new NpgsqlConnection(database);
        await watcher.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()", watcher);
        var deadline = Stopwatch.StartNew();
        while ((long)(await count.ExecuteScalarAsync())! < expected)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), $"{expected} writes never waited on the row lock");
            await Task.Delay(50);
        }
    }
}
