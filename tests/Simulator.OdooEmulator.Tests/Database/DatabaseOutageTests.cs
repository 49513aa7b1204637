using System.Net;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Database;

/// <summary>
/// The database goes away under a running emulator and comes back: calls fail with Odoo's
/// error shape meanwhile, health reports the database down (500) only when asked, and the emulator recovers without
/// a restart.
/// Uses a cluster of its own so stopping it disturbs no other test.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class DatabaseOutageTests
{
    [Fact]
    public async Task Outage_is_reported_as_operational_error_and_503_then_recovers_without_restart()
    {
        await using var server = await PostgresServer.StartAsync();
        await using var factory = new EmulatorFactory(await server.CreateDatabaseAsync("outage"));
        var rpc = factory.CreateRpcClient();

        // Warm the pool so idle pooled connections exist when the server goes down.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SearchPartnersAsync(rpc)));
        Assert.Equal(HttpStatusCode.OK, await HealthAsync(rpc));

        await server.StopAsync();

        var failed = await rpc.CallEnvelopeAsync("object", "execute_kw",
            OdooRpcClient.ExecuteKwArgs("res.partner", "search_read", [new JsonArray()], Json.Object("""{"limit": 1}""")));
        var data = OdooAssert.Error(failed, "psycopg2.OperationalError");
        Assert.StartsWith("connection to server failed", OdooAssert.Message(data), StringComparison.Ordinal);

        var auth = await rpc.CallEnvelopeAsync("common", "authenticate",
            new JsonArray(EmulatorFactory.Database, EmulatorFactory.Login, EmulatorFactory.Password, new JsonObject()));
        OdooAssert.Error(auth, "psycopg2.OperationalError");

        using (var health = await rpc.Http.GetAsync(new Uri("/web/health?db_server_status=1", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.InternalServerError, health.StatusCode);
            Assert.Equal("""{"status":"fail","db_server_status":false}""", await health.Content.ReadAsStringAsync());
        }

        // The server itself still answers: an ingress keeps the node in rotation, and callers get Odoo's error.
        using (var alive = await rpc.Http.GetAsync(new Uri("/web/health", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        }

        // The version needs no database and keeps answering.
        Assert.Equal("17.0", (string?)(await rpc.CallAsync("common", "version", []))!["server_version"]);

        await server.RestartAsync();

        // The first call after the restart already succeeds: dead pooled connections are replaced.
        var rows = await SearchPartnersAsync(rpc);
        Assert.Single(rows);
        Assert.Equal(HttpStatusCode.OK, await HealthAsync(rpc));
        var created = await rpc.ExecuteKwAsync("sale.order", "create", [Json.Object("""{"partner_id": 1}""")]);
        Assert.True((int)created! > 0);
        Assert.True(factory.Metrics.PoolClears > 0);

        // A restart nobody called through leaves only dead connections in the pool; the next
        // call must still succeed, as Odoo's pool discards connections that fail on borrow.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SearchPartnersAsync(rpc)));
        await server.StopAsync();
        await server.RestartAsync();
        var clearsBefore = factory.Metrics.PoolClears;
        Assert.Single(await SearchPartnersAsync(rpc));
        Assert.True(factory.Metrics.PoolClears > clearsBefore, "the stale pooled connection should have been detected");
    }

    private static async Task<JsonArray> SearchPartnersAsync(OdooRpcClient rpc) =>
        (await rpc.ExecuteKwAsync("res.partner", "search_read", [new JsonArray()], Json.Object("""{"limit": 1, "fields": ["name"]}""")))!.AsArray();

    private static async Task<HttpStatusCode> HealthAsync(OdooRpcClient rpc)
    {
        using var response = await rpc.Http.GetAsync(new Uri("/web/health?db_server_status=1", UriKind.Relative));
        return response.StatusCode;
    }
}
