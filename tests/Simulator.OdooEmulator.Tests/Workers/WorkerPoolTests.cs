using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Workers;

/// <summary>
/// Odoo's worker model on a fake clock (the call cost and limit_time_real wait on it), so what
/// is asserted is order and counts, never how long something took.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class WorkerPoolTests(PostgresFixture postgres)
{
    [Fact]
    public async Task With_n_workers_the_n_plus_first_concurrent_call_waits_for_a_free_one()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("workers"), new Dictionary<string, string?>
        {
            ["Odoo:Workers"] = "2",
            ["Odoo:CallCostMs"] = "1000",
            ["Odoo:LimitTimeReal"] = "100000",
        }, clock);
        var rpc = factory.CreateRpcClient();

        var calls = Enumerable.Range(0, 3).Select(_ => rpc.ExecuteKwAsync("res.partner", "search", [new JsonArray()], Json.Object("""{"limit": 1}"""))).ToList();
        await WaitUntilAsync(() => factory.Metrics.InFlight == 2 && factory.Metrics.Waiting == 1);
        Assert.DoesNotContain(calls, c => c.IsCompleted);

        await AdvanceUntilDoneAsync(clock, Task.WhenAll(calls));

        Assert.All(calls, c => Assert.Single(c.Result!.AsArray()));
        Assert.Equal(2, factory.Metrics.MaxInFlight);
        Assert.Equal(1, factory.Metrics.QueuedRequests);
        Assert.Equal(0, factory.Metrics.InFlight);
    }

    [Fact]
    public async Task A_call_over_limit_time_real_is_killed_rolled_back_and_frees_its_worker()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("limit_time_real"), new Dictionary<string, string?>
        {
            ["Odoo:Workers"] = "1",
            ["Odoo:LimitTimeReal"] = "5",
            ["Odoo:CallCostMs"] = "60000",
        }, clock);
        var url = factory.StartListening();
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var rpc = new OdooRpcClient(http);

        var slow = rpc.ExecuteKwAsync("res.partner", "write", [new JsonArray(1), Json.Object("""{"phone": "killed"}""")]);
        await WaitUntilAsync(() => factory.Metrics.InFlight == 1);
        await AdvanceUntilDoneAsync(clock, slow);

        // Odoo's master SIGKILLs the worker: the client gets no answer, just a dropped connection.
        await Assert.ThrowsAsync<HttpRequestException>(() => slow);
        Assert.Equal(1, factory.Metrics.TimeLimitKills);

        await using (var check = new Npgsql.NpgsqlConnection(factory.Services.GetRequiredService<Simulator.OdooEmulator.Configuration.OdooEmulatorOptions>().Database))
        {
            await check.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT coalesce(phone, '') FROM res_partner WHERE id = 1", check);
            Assert.NotEqual("killed", (string?)await command.ExecuteScalarAsync());
        }

        // The only worker is free again: a quick call goes through.
        var version = await rpc.CallAsync("common", "version", []);
        Assert.Equal("17.0", (string?)version!["server_version"]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "condition not reached within 12 s");
    }

    /// <summary>Moves the fake clock a second at a time until <paramref name="task"/> ends (bounded).</summary>
    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider clock, Task task)
    {
        for (var i = 0; i < 600 && !task.IsCompleted; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(task, Task.Delay(20));
        }

        Assert.True(task.IsCompleted, "the calls did not finish");
    }
}
