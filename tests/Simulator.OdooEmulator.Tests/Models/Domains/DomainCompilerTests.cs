using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Models;
using Simulator.OdooEmulator.Models.Domains;
using Simulator.OdooEmulator.Models.Partners;
using Simulator.OdooEmulator.Models.Products;
using Simulator.OdooEmulator.Models.Sales;
using Simulator.OdooEmulator.Rpc;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Models.Domains;

public sealed class DomainCompilerTests
{
    private static readonly ModelRegistry Registry =
        new([new ResPartnerModel(), new ProductProductModel(), new SaleOrderModel(), new SaleOrderLineModel()]);

    [Theory]
    [InlineData("[]", "t.active IS TRUE")]
    [InlineData("""[["barcode", "=", "X"]]""", "t.barcode = @p0 AND t.active IS TRUE")]
    [InlineData("""[["barcode", "=", false]]""", "t.barcode IS NULL AND t.active IS TRUE")]
    [InlineData("""[["barcode", "!=", "X"]]""", "(t.barcode <> @p0 OR t.barcode IS NULL) AND t.active IS TRUE")]
    [InlineData("""[["id", "in", [1, 2]]]""", "t.id = ANY(@p0) AND t.active IS TRUE")]
    [InlineData("""[["id", "in", []]]""", "FALSE AND t.active IS TRUE")]
    [InlineData("""[["default_code", "not in", ["A", false]]]""", "(NOT (t.default_code = ANY(@p0)) AND t.default_code IS NOT NULL) AND t.active IS TRUE")]
    [InlineData("""[["name", "ilike", "oak"]]""", "t.name ILIKE @p0 AND t.active IS TRUE")]
    [InlineData("""[["name", "=ilike", "oak%"]]""", "t.name ILIKE @p0 AND t.active IS TRUE")]
    [InlineData("""[["list_price", ">=", 10]]""", "t.list_price >= @p0 AND t.active IS TRUE")]
    [InlineData("""["|", ["id", "=", 1], ["id", "=", 2]]""", "(t.id = @p0 OR t.id = @p1) AND t.active IS TRUE")]
    [InlineData("""["!", ["id", "=", 1]]""", "(NOT t.id = @p0) AND t.active IS TRUE")]
    [InlineData("""[["active", "=", false]]""", "t.active IS NOT TRUE")]
    [InlineData("""[[1, "=", 1]]""", "TRUE AND t.active IS TRUE")]
    public void Compiles_product_domains(string domain, string expected)
    {
        var sql = new DomainCompiler(Registry, new SqlParameters()).Compile(Registry.Get("product.product").Definition, Json.Array(domain), "t");

        Assert.Equal(expected, sql);
    }

    [Fact]
    public void Implicit_and_keeps_the_leaves_in_order()
    {
        var sql = new DomainCompiler(Registry, new SqlParameters())
            .Compile(Registry.Get("sale.order").Definition, Json.Array("""[["state", "=", "sale"], ["partner_id", "=", 3]]"""), "t");

        Assert.Equal("t.state = @p0 AND t.partner_id = @p1", sql);
    }

    [Fact]
    public void Many2one_with_a_string_searches_the_comodel_name()
    {
        var sql = new DomainCompiler(Registry, new SqlParameters())
            .Compile(Registry.Get("sale.order").Definition, Json.Array("""[["partner_id", "ilike", "Azure"]]"""), "t");

        Assert.Equal("t.partner_id IN (SELECT d1.id FROM res_partner d1 WHERE d1.name ILIKE @p0)", sql);
    }

    [Fact]
    public void One2many_in_ids_uses_exists()
    {
        var sql = new DomainCompiler(Registry, new SqlParameters())
            .Compile(Registry.Get("sale.order").Definition, Json.Array("""[["order_line", "in", [4, 5]]]"""), "t");

        Assert.Equal("EXISTS (SELECT 1 FROM sale_order_line d1 WHERE d1.order_id = t.id AND d1.id = ANY(@p0))", sql);
    }

    [Fact]
    public void Active_test_can_be_switched_off()
    {
        var sql = new DomainCompiler(Registry, new SqlParameters()).Compile(Registry.Get("res.partner").Definition, null, "t", activeTest: false);

        Assert.Equal("TRUE", sql);
    }

    [Theory]
    [InlineData("""[["nope", "=", 1]]""", "Invalid field res.partner.nope in leaf ['nope', '=', 1]")]
    [InlineData("""[["name", "between", 1]]""", "Invalid leaf ['name', 'between', 1]")]
    [InlineData("""[["name", "="]]""", "Invalid leaf ['name', '=']")]
    [InlineData("""["|", ["id", "=", 1]]""", "Invalid domain ['|', ['id', '=', 1]]")]
    [InlineData("""["xor", ["id", "=", 1]]""", "Invalid leaf 'xor'")]
    [InlineData("""{"id": 1}""", "Invalid domain {'id': 1}")]
    public void Rejects_bad_domains_with_value_errors(string domain, string message)
    {
        var compiler = new DomainCompiler(Registry, new SqlParameters());

        var error = Assert.Throws<OdooException>(() =>
            compiler.Compile(Registry.Get("res.partner").Definition, System.Text.Json.Nodes.JsonNode.Parse(domain), "t"));

        Assert.Equal("builtins.ValueError", error.PythonType);
        Assert.Equal(message, error.Message);
    }
}
