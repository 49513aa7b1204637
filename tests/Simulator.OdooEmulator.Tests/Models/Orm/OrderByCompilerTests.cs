using Simulator.OdooEmulator.Models.Orm;
using Simulator.OdooEmulator.Models.Products;
using Simulator.OdooEmulator.Models.Sales;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Tests.Models.Orm;

public sealed class OrderByCompilerTests
{
    [Theory]
    [InlineData(null, "t.date_order DESC, t.id DESC")]
    [InlineData("", "t.date_order DESC, t.id DESC")]
    [InlineData("name", "t.name ASC")]
    [InlineData("name desc, id", "t.name DESC, t.id ASC")]
    [InlineData(" amount_total DESC NULLS LAST ", "t.amount_total DESC NULLS LAST")]
    [InlineData("partner_id", "t.partner_id ASC")]
    public void Compiles_valid_orders(string? order, string expected) =>
        Assert.Equal(expected, OrderByCompiler.Compile(new SaleOrderModel().Definition, order, "t"));

    [Theory]
    [InlineData("name; DROP TABLE sale_order")]
    [InlineData("colour")]
    [InlineData("name sideways")]
    [InlineData("order_line")]
    [InlineData("name,")]
    public void Rejects_anything_else(string order)
    {
        var error = Assert.Throws<OdooException>(() => OrderByCompiler.Compile(new SaleOrderModel().Definition, order, "t"));

        Assert.Equal("builtins.ValueError", error.PythonType);
        Assert.StartsWith($"Invalid \"order\" specified ({order})", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Display_name_orders_by_its_name_column() =>
        Assert.Equal("t.name ASC", OrderByCompiler.Compile(new ProductProductModel().Definition, "display_name", "t"));
}
