using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Sales;

/// <summary>
/// <c>sale.order.line</c>: readable and searchable; lines are created through the order's
/// <c>order_line</c> commands, which keep the order's totals right.
/// </summary>
internal sealed class SaleOrderLineModel : OdooModel
{
    /// <summary>Odoo's line display name: the order's name, then the line's description.</summary>
    private const string DisplayName = "(SELECT o.name FROM sale_order o WHERE o.id = {0}.order_id) || ' - ' || {0}.name";

    private static readonly ModelDefinition Model = new("sale.order.line", "Sales Order Line", "sale_order_line")
    {
        DefaultOrder = "order_id, sequence, id",
        DisplayNameTemplate = DisplayName,
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Many2one("order_id", "Order Reference", "sale.order"),
            FieldDefinition.Stored("sequence", FieldType.Integer, "Sequence"),
            FieldDefinition.Stored("name", FieldType.Text, "Description"),
            StandardFields.DisplayName("name", DisplayName),
            FieldDefinition.Many2one("product_id", "Product", "product.product"),
            FieldDefinition.Stored("product_uom_qty", FieldType.Float, "Quantity"),
            FieldDefinition.Stored("price_unit", FieldType.Float, "Unit Price"),
            FieldDefinition.Stored("price_subtotal", FieldType.Monetary, "Subtotal") with { ReadOnly = true },
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;

    public override ModelMethod? FindMethod(string name) => name switch
    {
        "create" or "write" => NotEmulated,
        _ => base.FindMethod(name),
    };

    private static Task<JsonNode?> NotEmulated(ModelCall call, CancellationToken cancellationToken) =>
        throw OdooException.UserError(
            $"sale.order.line.{call.Method}() is not emulated: create and change lines through sale.order's order_line.");
}
