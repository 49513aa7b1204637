using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Models.Stock;

/// <summary>
/// Several orders for one popular product confirmed and delivered at once: every call reads the
/// quant, spends its cost, then updates the same row, so REPEATABLE READ aborts all but one and
/// Odoo's retry loop runs them again until each succeeds, with no reservation or delivery lost.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class QuantContentionTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Concurrent_confirmations_and_validations_on_one_quant_are_retried_and_all_count()
    {
        await using var factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("contention"), new Dictionary<string, string?>
        {
            ["Odoo:CallCostMs"] = "100",
            ["Odoo:Retry:MaxTries"] = "15",
            ["Odoo:Retry:BaseDelayMs"] = "5",
            ["Odoo:Seed:StockPerProduct"] = "1000",
        });
        var rpc = factory.CreateRpcClient();
        const int Orders = 4;
        var orderIds = new List<int>();
        for (var i = 0; i < Orders; i++)
        {
            orderIds.Add((int)(await rpc.ExecuteKwAsync("sale.order", "create",
                [Json.Object("""{"partner_id": 2, "order_line": [[0, 0, {"product_id": 7, "product_uom_qty": 10}]]}""")]))!);
        }

        var confirmed = await Task.WhenAll(orderIds.Select(id => rpc.ExecuteKwAsync("sale.order", "action_confirm", [new JsonArray(id)])));
        Assert.All(confirmed, result => Assert.True((bool)result!));
        var retriesAfterConfirm = factory.Metrics.Retries;
        Assert.True(retriesAfterConfirm > 0, "confirmations reserving the same quant should have collided and been retried");
        Assert.Equal((1000.0, 40.0), await QuantAsync(rpc));

        var pickings = (await rpc.ExecuteKwAsync("stock.picking", "search", [new JsonArray(new JsonArray("sale_id", "in", new JsonArray(orderIds.Select(id => (JsonNode)id).ToArray())))]))!.AsArray();
        Assert.Equal(Orders, pickings.Count);
        var validated = await Task.WhenAll(pickings.Select(id => rpc.ExecuteKwAsync("stock.picking", "button_validate", [new JsonArray(id!.DeepClone())])));
        Assert.All(validated, result => Assert.True((bool)result!));
        Assert.True(factory.Metrics.Retries > retriesAfterConfirm, "validations decrementing the same quant should have been retried");
        Assert.Equal((960.0, 0.0), await QuantAsync(rpc));
    }

    private static async Task<(double Quantity, double Reserved)> QuantAsync(OdooRpcClient rpc)
    {
        var row = (await rpc.ExecuteKwAsync("stock.quant", "search_read",
            [new JsonArray(new JsonArray("product_id", "=", 7), new JsonArray("location_id", "=", "EU/Stock"))],
            Json.Object("""{"fields": ["quantity", "reserved_quantity"]}""")))!.AsArray().Single()!;
        return ((double)row["quantity"]!, (double)row["reserved_quantity"]!);
    }
}
