using System.Diagnostics;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Sessions;

/// <summary>Web sessions in a real <c>redis-server</c>: shared across emulator restarts, and a Redis outage felt at once.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class RedisSessionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Session_survives_an_emulator_restart_and_a_redis_outage_is_an_odoo_error_not_a_hang()
    {
        await using var redis = await RedisServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("redis_sessions");
        var settings = new Dictionary<string, string?> { ["Odoo:Redis"] = redis.Endpoint, ["Odoo:RedisTimeoutMs"] = "500" };

        string sessionId;
        await using (var first = new EmulatorFactory(database, settings))
        {
            var web = first.CreateWebClient();
            await web.AuthenticateAsync();
            sessionId = web.SessionId!;
        }

        await using var second = new EmulatorFactory(database, settings);
        var again = second.CreateWebClient();
        again.SessionId = sessionId;
        var rows = await again.CallKwAsync("res.partner", "search", [new JsonArray()], Json.Object("""{"limit": 2}"""));
        Assert.True(rows["error"] is null, rows.ToJsonString());
        Assert.Equal(2, rows["result"]!.AsArray().Count);

        await redis.StopAsync();

        var clock = Stopwatch.StartNew();
        var failed = await again.CallKwAsync("res.partner", "search", [new JsonArray()]);
        var data = OdooAssert.Error(failed, "redis.exceptions.ConnectionError");
        Assert.Contains(redis.Endpoint, OdooAssert.Message(data), StringComparison.Ordinal);
        var login = await again.PostAsync("/web/session/authenticate", new JsonObject
        {
            ["db"] = EmulatorFactory.Database,
            ["login"] = EmulatorFactory.Login,
            ["password"] = EmulatorFactory.Password,
        });
        OdooAssert.Error(login, "redis.exceptions.ConnectionError");
        // Generous bound: the point is "an error, not a hang"; fail-fast answers in milliseconds.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"session calls took {clock.Elapsed} with Redis down");

        // Calls that need no session keep working.
        var rpc = second.CreateRpcClient();
        Assert.NotEmpty((await rpc.ExecuteKwAsync("res.partner", "search", [new JsonArray()], Json.Object("""{"limit": 1}""")))!.AsArray());
    }
}
