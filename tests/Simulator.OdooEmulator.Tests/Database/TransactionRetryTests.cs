using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Database;

/// <summary>
/// Concurrent writes to one row at REPEATABLE READ: every call reads (fixing its snapshot), spends
/// its call cost, then updates, so all but the first writer hit a serialization failure.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class TransactionRetryTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Serialization_failures_are_retried_until_every_call_succeeds()
    {
        await using var factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("retry"), new Dictionary<string, string?>
        {
            ["Odoo:CallCostMs"] = "100",
            ["Odoo:Retry:MaxTries"] = "12",
            ["Odoo:Retry:BaseDelayMs"] = "5",
        });
        var rpc = factory.CreateRpcClient();
        var written = new List<string>();

        for (var round = 0; round < 2; round++)
        {
            var phones = Enumerable.Range(0, 4).Select(i => $"+1 555 {round}{i}").ToList();
            written.AddRange(phones);
            var results = await Task.WhenAll(phones.Select(phone =>
                rpc.ExecuteKwAsync("res.partner", "write", [new JsonArray(1), new JsonObject { ["phone"] = phone }])));
            Assert.All(results, result => Assert.True((bool)result!));
        }

        Assert.True(factory.Metrics.Retries > 0, "contended writes should have been retried");
        var row = (await rpc.ExecuteKwAsync("res.partner", "read", [new JsonArray(1), new JsonArray("phone")]))!.AsArray().Single()!;
        Assert.Contains((string)row["phone"]!, written);
    }

    [Fact]
    public async Task Without_retries_left_the_serialization_failure_reaches_the_client()
    {
        await using var factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("noretry"), new Dictionary<string, string?>
        {
            // Long enough that the four calls' snapshots overlap even on a busy machine.
            ["Odoo:CallCostMs"] = "150",
            ["Odoo:Retry:MaxTries"] = "1",
        });
        var rpc = factory.CreateRpcClient();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => rpc.CallEnvelopeAsync("object", "execute_kw",
            OdooRpcClient.ExecuteKwArgs("res.partner", "write", [new JsonArray(2), new JsonObject { ["phone"] = $"{i}" }]))));

        Assert.Contains(bodies, body => body["result"] is not null);
        var failures = bodies.Where(body => body["error"] is not null).Select(body => OdooAssert.Error(body)).ToList();
        Assert.NotEmpty(failures);
        Assert.All(failures, data =>
        {
            Assert.Equal("psycopg2.errors.SerializationFailure", OdooAssert.Name(data));
            Assert.Equal("could not serialize access due to concurrent update", OdooAssert.Message(data));
        });
        Assert.Equal(0, factory.Metrics.Retries);
    }
}
