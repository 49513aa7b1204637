using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Models.Stock;

/// <summary>
/// Sale order to delivery: confirm creates the picking and reserves, picking and validating
/// takes the stock out of the quants, and nothing ever goes negative.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class StockFlowTests(PostgresFixture postgres) : IAsyncLifetime
{
    private EmulatorFactory _factory = null!;
    private OdooRpcClient _rpc = null!;

    public async Task InitializeAsync()
    {
        _factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("stock"), new Dictionary<string, string?>
        {
            ["Odoo:Region"] = "eu",
            ["Odoo:Warehouses"] = "eu,us",
            ["Odoo:Seed:StockPerProduct"] = "100",
        });
        _rpc = _factory.CreateRpcClient();
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Seeds_one_warehouse_per_region_with_stock_and_customer_locations()
    {
        var warehouses = (await _rpc.ExecuteKwAsync("stock.warehouse", "search_read", [new JsonArray()], Json.Object("""{"fields": ["code", "lot_stock_id"], "order": "code"}""")))!.AsArray();
        Assert.Equal(["EU", "US"], warehouses.Select(w => (string)w!["code"]!));
        Assert.Equal("EU/Stock", (string?)warehouses[0]!["lot_stock_id"]![1]);

        var locations = (await _rpc.ExecuteKwAsync("stock.location", "search_read", [new JsonArray()], Json.Object("""{"fields": ["complete_name", "usage"]}""")))!.AsArray();
        Assert.Contains(locations, l => (string)l!["complete_name"]! == "US/Customers" && (string)l["usage"]! == "customer");

        var quants = (await _rpc.ExecuteKwAsync("stock.quant", "search_count", [new JsonArray(new JsonArray("quantity", "=", 100))]))!;
        Assert.Equal(400, (int)quants);
    }

    [Fact]
    public async Task Confirm_creates_a_reserved_delivery_and_validate_takes_the_stock_out()
    {
        var orderId = await CreateOrderAsync((1, 3), (2, 2));
        Assert.True((bool)(await _rpc.ExecuteKwAsync("sale.order", "action_confirm", [new JsonArray(orderId)]))!);

        var order = (await _rpc.ExecuteKwAsync("sale.order", "read", [new JsonArray(orderId), new JsonArray("name", "picking_ids", "warehouse_id")]))![0]!;
        Assert.Equal("EU Warehouse", (string?)order["warehouse_id"]![1]);
        var picking = await ReadPickingAsync((int)order["picking_ids"]![0]!);
        Assert.Equal((string?)order["name"], (string?)picking["origin"]);
        Assert.Equal("assigned", (string?)picking["state"]);
        Assert.Equal("outgoing", (string?)picking["picking_type_code"]);
        Assert.Matches("^EU/OUT/\\d{5}$", (string)picking["name"]!);
        Assert.Equal("EU/Customers", (string?)picking["location_dest_id"]![1]);
        Assert.Equal(2, picking["move_ids"]!.AsArray().Count);

        Assert.Equal((100.0, 3.0), await QuantAsync(1));
        Assert.Equal((100.0, 2.0), await QuantAsync(2));

        // Pick every line, as a scanner would, then validate.
        var lineIds = picking["move_line_ids"]!.AsArray();
        Assert.Equal(2, lineIds.Count);
        Assert.True((bool)(await _rpc.ExecuteKwAsync("stock.move.line", "write", [lineIds.DeepClone(), new JsonObject { ["picked"] = true }]))!);
        Assert.True((bool)(await _rpc.ExecuteKwAsync("stock.picking", "button_validate", [new JsonArray(picking["id"]!.DeepClone())]))!);

        var done = await ReadPickingAsync((int)picking["id"]!);
        Assert.Equal("done", (string?)done["state"]);
        Assert.Equal(System.Text.Json.JsonValueKind.String, done["date_done"]!.GetValueKind());
        Assert.Equal((97.0, 0.0), await QuantAsync(1));
        Assert.Equal((98.0, 0.0), await QuantAsync(2));
        var moves = (await _rpc.ExecuteKwAsync("stock.move", "read", [done["move_ids"]!.DeepClone(), new JsonArray("state", "quantity")]))!.AsArray();
        Assert.All(moves, m => Assert.Equal("done", (string?)m!["state"]));
    }

    [Fact]
    public async Task Validating_with_nothing_picked_picks_everything_reserved_as_odoo_17_does()
    {
        var orderId = await CreateOrderAsync((3, 4));
        await _rpc.ExecuteKwAsync("sale.order", "action_confirm", [new JsonArray(orderId)]);
        var pickingId = await PickingOfAsync(orderId);

        Assert.True((bool)(await _rpc.ExecuteKwAsync("stock.picking", "button_validate", [new JsonArray(pickingId)]))!);

        Assert.Equal("done", (string?)(await ReadPickingAsync(pickingId))["state"]);
        Assert.Equal((96.0, 0.0), await QuantAsync(3));
    }

    [Fact]
    public async Task Short_stock_reserves_what_exists_asks_for_a_backorder_and_never_goes_negative()
    {
        var first = await CreateOrderAsync((4, 150));
        await _rpc.ExecuteKwAsync("sale.order", "action_confirm", [new JsonArray(first)]);
        var pickingId = await PickingOfAsync(first);
        Assert.Equal("confirmed", (string?)(await ReadPickingAsync(pickingId))["state"]);
        Assert.Equal((100.0, 100.0), await QuantAsync(4));

        // Short of the demand: Odoo answers with the "Create Backorder?" wizard, changing nothing.
        var wizard = Assert.IsType<JsonObject>(await _rpc.ExecuteKwAsync("stock.picking", "button_validate", [new JsonArray(pickingId)]));
        Assert.Equal("stock.backorder.confirmation", (string?)wizard["res_model"]);
        Assert.Equal((100.0, 100.0), await QuantAsync(4));

        var validated = await _rpc.ExecuteKwAsync("stock.picking", "button_validate", [new JsonArray(pickingId)],
            Json.Object("""{"context": {"skip_backorder": true}}"""));
        Assert.True((bool)validated!);
        Assert.Equal((0.0, 0.0), await QuantAsync(4));

        // Nothing left: the next delivery reserves nothing, and validating it is Odoo's UserError.
        var second = await CreateOrderAsync((4, 5));
        await _rpc.ExecuteKwAsync("sale.order", "action_confirm", [new JsonArray(second)]);
        var empty = await PickingOfAsync(second);
        Assert.True((bool)(await _rpc.ExecuteKwAsync("stock.picking", "action_assign", [new JsonArray(empty)]))!);
        Assert.Equal("confirmed", (string?)(await ReadPickingAsync(empty))["state"]);
        var error = await _rpc.ExecuteKwErrorAsync("stock.picking", "button_validate", [new JsonArray(empty)]);
        Assert.Equal("odoo.exceptions.UserError", OdooAssert.Name(error));
        Assert.StartsWith("You cannot validate a transfer if no quantities are reserved nor done.", OdooAssert.Message(error), StringComparison.Ordinal);

        var negative = await _rpc.ExecuteKwAsync("stock.quant", "search_count", [new JsonArray(new JsonArray("quantity", "<", 0))]);
        Assert.Equal(0, (int)negative!);
    }

    [Fact]
    public async Task Lowering_a_picked_quantity_gives_the_reservation_back()
    {
        var orderId = await CreateOrderAsync((5, 10));
        await _rpc.ExecuteKwAsync("sale.order", "action_confirm", [new JsonArray(orderId)]);
        var picking = await ReadPickingAsync(await PickingOfAsync(orderId));
        var lineId = picking["move_line_ids"]![0]!.DeepClone();

        await _rpc.ExecuteKwAsync("stock.move.line", "write", [new JsonArray(lineId), Json.Object("""{"quantity": 6, "picked": true}""")]);
        Assert.Equal((100.0, 6.0), await QuantAsync(5));
        Assert.Equal("confirmed", (string?)(await ReadPickingAsync((int)picking["id"]!))["state"]);

        var validated = await _rpc.ExecuteKwAsync("stock.picking", "button_validate", [new JsonArray(picking["id"]!.DeepClone())],
            Json.Object("""{"context": {"skip_backorder": true}}"""));
        Assert.True((bool)validated!);
        Assert.Equal((94.0, 0.0), await QuantAsync(5));
    }

    private async Task<int> CreateOrderAsync(params (int Product, int Quantity)[] lines)
    {
        var orderLines = new JsonArray(lines.Select(l => (JsonNode)new JsonArray(0, 0, new JsonObject
        {
            ["product_id"] = l.Product,
            ["product_uom_qty"] = l.Quantity,
        })).ToArray());
        return (int)(await _rpc.ExecuteKwAsync("sale.order", "create", [new JsonObject { ["partner_id"] = 1, ["order_line"] = orderLines }]))!;
    }

    private async Task<int> PickingOfAsync(int orderId) =>
        (int)(await _rpc.ExecuteKwAsync("sale.order", "read", [new JsonArray(orderId), new JsonArray("picking_ids")]))![0]!["picking_ids"]![0]!;

    private async Task<JsonObject> ReadPickingAsync(int id) =>
        (await _rpc.ExecuteKwAsync("stock.picking", "read", [new JsonArray(id)]))![0]!.AsObject();

    /// <summary>(quantity, reserved) of a product in the EU stock location.</summary>
    private async Task<(double Quantity, double Reserved)> QuantAsync(int productId)
    {
        var rows = (await _rpc.ExecuteKwAsync("stock.quant", "search_read",
            [new JsonArray(new JsonArray("product_id", "=", productId), new JsonArray("location_id", "=", "EU/Stock"))],
            Json.Object("""{"fields": ["quantity", "reserved_quantity"]}""")))!.AsArray();
        var row = Assert.Single(rows)!;
        return ((double)row["quantity"]!, (double)row["reserved_quantity"]!);
    }
}
