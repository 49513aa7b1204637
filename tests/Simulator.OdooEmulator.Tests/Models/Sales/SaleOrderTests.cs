using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Models.Sales;

[Collection(PostgresCollectionDefinition.Name)]
public sealed partial class SaleOrderTests(PostgresFixture postgres) : IAsyncLifetime
{
    private OdooRpcClient _rpc = null!;

    public async Task InitializeAsync() => _rpc = (await postgres.SharedEmulatorAsync()).CreateRpcClient();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Create_confirm_and_read_back_an_order_with_lines()
    {
        var product3 = DemoData.Product(3);
        var vals = Json.Object("""
            {
              "partner_id": 5,
              "order_line": [
                [0, 0, {"product_id": 1, "product_uom_qty": 2, "price_unit": 10.25}],
                [0, 0, {"product_id": 2, "product_uom_qty": 1.5, "price_unit": 3.333}],
                [0, 0, {"product_id": 3, "product_uom_qty": 4}]
              ]
            }
            """);
        var created = await _rpc.ExecuteKwAsync("sale.order", "create", [vals]);
        var orderId = (int)created!;

        var draft = await ReadOrderAsync(orderId);
        Assert.Matches(OrderName(), (string)draft["name"]!);
        Assert.Equal("draft", (string?)draft["state"]);
        // 2 x 10.25 = 20.50; 1.5 x 3.333 = 4.9995 -> 5.00 (half-up); 4 x list price of product 3.
        var expectedTotal = 20.50m + 5.00m + 4 * product3.ListPrice;
        Assert.Equal((double)expectedTotal, (double)draft["amount_total"]!, 6);
        Assert.Equal(3, draft["order_line"]!.AsArray().Count);
        Assert.Equal(new JsonArray(5, DemoData.Partner(5).Name).ToJsonString(), draft["partner_id"]!.ToJsonString());

        var confirmed = await _rpc.ExecuteKwAsync("sale.order", "action_confirm", [new JsonArray(orderId)]);
        Assert.True((bool)confirmed!);

        var read = await ReadOrderAsync(orderId);
        Assert.Equal("sale", (string?)read["state"]);
        Assert.Equal(draft["name"]!.ToJsonString(), read["name"]!.ToJsonString());

        var lines = (await _rpc.ExecuteKwAsync("sale.order.line", "search_read",
            [new JsonArray(new JsonArray("order_id", "=", orderId))],
            Json.Object("""{"fields": ["product_id", "product_uom_qty", "price_unit", "price_subtotal", "name"], "order": "id"}""")))!.AsArray();
        Assert.Equal(3, lines.Count);
        Assert.Equal([1, 2, 3], lines.Select(l => (int)l!["product_id"]![0]!));
        Assert.Equal([20.5, 5.0, (double)(4 * product3.ListPrice)], lines.Select(l => (double)l!["price_subtotal"]!));
        Assert.Equal((double)product3.ListPrice, (double)lines[2]!["price_unit"]!);
        Assert.Equal($"[{product3.DefaultCode}] {product3.Name}", (string?)lines[2]!["name"]);
    }

    [Fact]
    public async Task First_order_of_a_fresh_database_is_S00001_and_numbers_follow_the_sequence()
    {
        await using var factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("numbering"));
        var rpc = factory.CreateRpcClient();

        var first = (int)(await rpc.ExecuteKwAsync("sale.order", "create", [Json.Object("""{"partner_id": 1}""")]))!;
        var more = (await rpc.ExecuteKwAsync("sale.order", "create",
            [Json.Array("""[{"partner_id": 2}, {"partner_id": 3, "order_line": [[0, 0, {"product_id": 9}]]}]""")]))!.AsArray();

        Assert.Equal(2, more.Count);
        var ids = new JsonArray(first, more[0]!.DeepClone(), more[1]!.DeepClone());
        var names = (await rpc.ExecuteKwAsync("sale.order", "read", [ids], Json.Object("""{"fields": ["name"]}""")))!
            .AsArray().Select(r => (string)r!["name"]!).ToList();
        Assert.Equal(["S00001", "S00002", "S00003"], names);
    }

    [Fact]
    public async Task Create_returns_a_list_of_ids_for_a_list_of_vals()
    {
        var ids = await _rpc.ExecuteKwAsync("sale.order", "create",
            [Json.Array("""[{"partner_id": 1}, {"partner_id": 2}, {"partner_id": 3}]""")]);

        var list = Assert.IsType<JsonArray>(ids);
        Assert.Equal(3, list.Select(id => (int)id!).Distinct().Count());
    }

    [Fact]
    public async Task Read_returns_only_requested_fields_plus_id_in_the_order_of_the_ids()
    {
        var ids = (await _rpc.ExecuteKwAsync("sale.order", "create", [Json.Array("""[{"partner_id": 1}, {"partner_id": 2}]""")]))!.AsArray();
        var reversed = new JsonArray(ids[1]!.DeepClone(), ids[0]!.DeepClone());

        var rows = (await _rpc.ExecuteKwAsync("sale.order", "read", [reversed, Json.Array("""["state", "amount_total"]""")]))!.AsArray();

        Assert.Equal([(int)ids[1]!, (int)ids[0]!], rows.Select(r => (int)r!["id"]!));
        Assert.All(rows, row => Assert.Equal(["amount_total", "id", "state"], row!.AsObject().Select(p => p.Key).Order()));
        Assert.All(rows, row => Assert.Equal(0.0, (double)row!["amount_total"]!));
    }

    [Fact]
    public async Task Confirming_a_confirmed_order_is_a_user_error()
    {
        var id = (int)(await _rpc.ExecuteKwAsync("sale.order", "create", [Json.Object("""{"partner_id": 4}""")]))!;
        await _rpc.ExecuteKwAsync("sale.order", "action_confirm", [new JsonArray(id)]);

        var error = await _rpc.ExecuteKwErrorAsync("sale.order", "action_confirm", [new JsonArray(id)]);

        Assert.Equal("odoo.exceptions.UserError", OdooAssert.Name(error));
        Assert.StartsWith("The following orders are not in a state requiring confirmation: S", OdooAssert.Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_product_is_a_missing_error_and_nothing_is_created()
    {
        var before = await CountOrdersAsync();

        var error = await _rpc.ExecuteKwErrorAsync("sale.order", "create",
            [Json.Object("""{"partner_id": 1, "order_line": [[0, 0, {"product_id": 999999}]]}""")]);

        Assert.Equal("odoo.exceptions.MissingError", OdooAssert.Name(error));
        Assert.Equal("Record does not exist or has been deleted.\n(Record: product.product(999999,), User: 2)", OdooAssert.Message(error));
        Assert.Equal(before, await CountOrdersAsync());
    }

    [Fact]
    public async Task Unknown_partner_is_a_validation_error_from_the_foreign_key()
    {
        var error = await _rpc.ExecuteKwErrorAsync("sale.order", "create", [Json.Object("""{"partner_id": 424242}""")]);

        Assert.Equal("odoo.exceptions.ValidationError", OdooAssert.Name(error));
        Assert.Contains("Model: Sales Order (sale.order)", OdooAssert.Message(error), StringComparison.Ordinal);
        Assert.Contains("Constraint: sale_order_partner_id_fkey", OdooAssert.Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_partner_is_a_validation_error_naming_the_field()
    {
        var error = await _rpc.ExecuteKwErrorAsync("sale.order", "create", [Json.Object("""{"order_line": []}""")]);

        Assert.Equal("odoo.exceptions.ValidationError", OdooAssert.Name(error));
        Assert.Contains("a mandatory field is not set", OdooAssert.Message(error), StringComparison.Ordinal);
        Assert.Contains("Field: Customer (partner_id)", OdooAssert.Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_a_missing_order_is_a_missing_error()
    {
        var error = await _rpc.ExecuteKwErrorAsync("sale.order", "read", [Json.Array("[987654]"), Json.Array("""["name"]""")]);

        Assert.Equal("odoo.exceptions.MissingError", OdooAssert.Name(error));
        Assert.Contains("sale.order(987654,)", OdooAssert.Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_field_in_vals_is_a_value_error()
    {
        var error = await _rpc.ExecuteKwErrorAsync("sale.order", "create", [Json.Object("""{"partner_id": 1, "colour": "red"}""")]);

        Assert.Equal("builtins.ValueError", OdooAssert.Name(error));
        Assert.Equal("Invalid field 'colour' on model 'sale.order'", OdooAssert.Message(error));
    }

    private async Task<JsonObject> ReadOrderAsync(int id)
    {
        var rows = await _rpc.ExecuteKwAsync("sale.order", "read", [new JsonArray(id)],
            Json.Object("""{"fields": ["name", "state", "amount_total", "order_line", "partner_id"]}"""));
        return Assert.Single(rows!.AsArray())!.AsObject();
    }

    private async Task<long> CountOrdersAsync()
    {
        var count = await _rpc.ExecuteKwAsync("sale.order", "search_count", [new JsonArray()]);
        Assert.Equal(JsonValueKind.Number, count!.GetValueKind());
        return (long)count;
    }

    [GeneratedRegex(@"^S\d{5}$")]
    private static partial Regex OrderName();
}
