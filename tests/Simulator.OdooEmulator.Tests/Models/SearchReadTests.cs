using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Models;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class SearchReadTests(PostgresFixture postgres) : IAsyncLifetime
{
    private OdooRpcClient _rpc = null!;

    public async Task InitializeAsync() => _rpc = (await postgres.SharedEmulatorAsync()).CreateRpcClient();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Product_by_barcode_returns_the_seeded_product()
    {
        var expected = DemoData.Product(7);

        var rows = await SearchReadAsync("product.product",
            new JsonArray(new JsonArray("barcode", "=", expected.Barcode)),
            """{"fields": ["default_code", "barcode", "list_price", "name", "display_name"]}""");

        var row = Assert.Single(rows);
        Assert.Equal(7, (int)row["id"]!);
        Assert.Equal(expected.DefaultCode, (string?)row["default_code"]);
        Assert.Equal(expected.Barcode, (string?)row["barcode"]);
        Assert.Equal((double)expected.ListPrice, (double)row["list_price"]!);
        Assert.Equal($"[{expected.DefaultCode}] {expected.Name}", (string?)row["display_name"]);
        Assert.Equal(["barcode", "default_code", "display_name", "id", "list_price", "name"], row.Select(p => p.Key).Order());
    }

    [Fact]
    public async Task In_operator_with_order_desc()
    {
        var codes = new JsonArray(DemoData.Product(3).DefaultCode, DemoData.Product(30).DefaultCode, DemoData.Product(150).DefaultCode, "NOPE");

        var rows = await SearchReadAsync("product.product",
            new JsonArray(new JsonArray("default_code", "in", codes)), """{"fields": ["default_code"], "order": "default_code desc"}""");

        Assert.Equal([150, 30, 3], rows.Select(r => (int)r["id"]!));
    }

    [Fact]
    public async Task Ilike_with_limit_offset_and_order()
    {
        // Seeded product names cycle through the materials; "oak" (any case) matches id % 8 == 0.
        var all = await SearchReadAsync("product.product", Json.Array("""[["name", "ilike", "oAk"]]"""), """{"fields": ["name"], "order": "id"}""");
        Assert.Equal(Enumerable.Range(1, 200).Where(i => i % 8 == 0), all.Select(r => (int)r["id"]!));

        var page = await SearchReadAsync("product.product", Json.Array("""[["name", "ilike", "oak"]]"""),
            """{"fields": ["name"], "order": "id desc", "limit": 3, "offset": 2}""");
        Assert.Equal([184, 176, 168], page.Select(r => (int)r["id"]!));
    }

    [Fact]
    public async Task Positional_search_read_arguments_work_like_keywords()
    {
        var rows = (await _rpc.ExecuteKwAsync("product.product", "search_read",
            Json.Array("""[[["id", "<=", 5]], ["id"], 1, 2, "id"]""")))!.AsArray();

        Assert.Equal([2, 3], rows.Select(r => (int)r!["id"]!));
    }

    [Fact]
    public async Task Or_and_not_operators_in_prefix_notation()
    {
        var rows = await SearchReadAsync("res.partner",
            Json.Array("""["|", ["id", "=", 4], "&", ["id", "<", 3], "!", ["id", "=", 1]]"""), """{"fields": ["name"], "order": "id"}""");

        Assert.Equal([2, 4], rows.Select(r => (int)r["id"]!));
    }

    [Fact]
    public async Task Partner_search_read_with_fields_and_boolean_filter()
    {
        var rows = await SearchReadAsync("res.partner",
            Json.Array("""[["is_company", "=", false], ["city", "ilike", "bruss"]]"""),
            """{"fields": ["name", "email", "is_company", "city"], "order": "id"}""");

        var expected = Enumerable.Range(1, 50).Select(DemoData.Partner).Where(p => !p.IsCompany && p.City == "Brussels").ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(p => p.Id), rows.Select(r => (int)r["id"]!));
        Assert.All(rows, r => Assert.False((bool)r["is_company"]!));
        Assert.Equal(expected[0].Email, (string?)rows[0]["email"]);
    }

    [Fact]
    public async Task Equals_false_matches_empty_values()
    {
        var rows = await SearchReadAsync("res.partner", Json.Array("""[["phone", "=", false], ["id", "<=", 3]]"""), """{"fields": ["phone"]}""");

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.False((bool)r["phone"]!));
    }

    [Fact]
    public async Task Many2one_accepts_a_name_search()
    {
        var partner = DemoData.Partner(11);
        var id = (int)(await _rpc.ExecuteKwAsync("sale.order", "create", [Json.Object("""{"partner_id": 11}""")]))!;

        var rows = await SearchReadAsync("sale.order", new JsonArray(new JsonArray("partner_id", "ilike", partner.Name)), """{"fields": ["partner_id"]}""");

        Assert.Contains(rows, r => (int)r["id"]! == id);
        Assert.All(rows, r => Assert.Equal(11, (int)r["partner_id"]![0]!));
    }

    [Fact]
    public async Task Search_and_search_count_agree()
    {
        var ids = (await _rpc.ExecuteKwAsync("product.product", "search", [Json.Array("""[["list_price", ">", 250]]""")]))!.AsArray();
        var count = (long)(await _rpc.ExecuteKwAsync("product.product", "search_count", [Json.Array("""[["list_price", ">", 250]]""")]))!;

        var expected = Enumerable.Range(1, 200).Count(i => DemoData.Product(i).ListPrice > 250);
        Assert.Equal(expected, ids.Count);
        Assert.Equal(expected, count);
    }

    [Fact]
    public async Task Write_updates_a_partner()
    {
        var written = await _rpc.ExecuteKwAsync("res.partner", "write", [new JsonArray(20), Json.Object("""{"phone": "+32 2 555 01 20"}""")]);
        Assert.True((bool)written!);

        var rows = await SearchReadAsync("res.partner", Json.Array("""[["id", "=", 20]]"""), """{"fields": ["phone"]}""");
        Assert.Equal("+32 2 555 01 20", (string?)Assert.Single(rows)["phone"]);
    }

    [Theory]
    [InlineData("""[["colour", "=", "red"]]""", "Invalid field product.product.colour in leaf ['colour', '=', 'red']")]
    [InlineData("""[["name", "~", "x"]]""", "Invalid leaf ['name', '~', 'x']")]
    [InlineData("""["&", ["id", "=", 1]]""", "Invalid domain ['&', ['id', '=', 1]]")]
    [InlineData("""[["id", "=", "abc"]]""", "invalid literal for int() with base 10: 'abc'")]
    public async Task Bad_domains_are_value_errors(string domain, string message)
    {
        var error = await _rpc.ExecuteKwErrorAsync("product.product", "search_read", [Json.Array(domain)]);

        Assert.Equal("builtins.ValueError", OdooAssert.Name(error));
        Assert.Equal(message, OdooAssert.Message(error));
    }

    [Fact]
    public async Task Unknown_field_in_fields_is_a_value_error()
    {
        var error = await _rpc.ExecuteKwErrorAsync("product.product", "search_read", [new JsonArray()], Json.Object("""{"fields": ["name", "colour"]}"""));

        Assert.Equal("builtins.ValueError", OdooAssert.Name(error));
        Assert.Equal("Invalid field 'colour' on model 'product.product'", OdooAssert.Message(error));
    }

    [Fact]
    public async Task Bad_order_is_a_value_error()
    {
        var error = await _rpc.ExecuteKwErrorAsync("product.product", "search_read", [new JsonArray()], Json.Object("""{"order": "name; DROP TABLE x"}"""));

        Assert.Equal("builtins.ValueError", OdooAssert.Name(error));
        Assert.StartsWith("Invalid \"order\" specified (name; DROP TABLE x)", OdooAssert.Message(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unexpected_keyword_argument_is_a_type_error()
    {
        var error = await _rpc.ExecuteKwErrorAsync("product.product", "search_read", [new JsonArray()], Json.Object("""{"fieldz": ["name"]}"""));

        Assert.Equal("builtins.TypeError", OdooAssert.Name(error));
        Assert.Equal("search_read() got an unexpected keyword argument 'fieldz'", OdooAssert.Message(error));
    }

    private async Task<List<JsonObject>> SearchReadAsync(string model, JsonArray domain, string kwargs)
    {
        var result = await _rpc.ExecuteKwAsync(model, "search_read", [domain], Json.Object(kwargs));
        return result!.AsArray().Select(r => r!.AsObject()).ToList();
    }
}
