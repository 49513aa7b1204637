using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Stock;

/// <summary><c>stock.move</c>: one per order line in a delivery; clients may write <c>picked</c>.</summary>
internal sealed class StockMoveModel : ReadOnlyModel
{
    private static readonly string[] WriteParameters = ["vals"];

    private static readonly ModelDefinition Model = new("stock.move", "Stock Move", "stock_move")
    {
        DefaultOrder = "id",
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Stored("name", FieldType.Char, "Description") with { ReadOnly = true },
            StandardFields.DisplayName("name", "{0}.name"),
            FieldDefinition.Many2one("picking_id", "Transfer", "stock.picking") with { ReadOnly = true },
            FieldDefinition.Many2one("product_id", "Product", "product.product") with { ReadOnly = true },
            FieldDefinition.Stored("product_uom_qty", FieldType.Float, "Demand") with { ReadOnly = true },
            FieldDefinition.Stored("quantity", FieldType.Float, "Quantity") with { ReadOnly = true },
            FieldDefinition.Stored("picked", FieldType.Boolean, "Picked"),
            FieldDefinition.Selection("state", "Status", "draft", "waiting", "confirmed", "partially_available", "assigned", "done", "cancel") with { ReadOnly = true },
            FieldDefinition.Many2one("location_id", "Source Location", "stock.location") with { ReadOnly = true },
            FieldDefinition.Many2one("location_dest_id", "Destination Location", "stock.location") with { ReadOnly = true },
            FieldDefinition.Many2one("sale_line_id", "Sale Line", "sale.order.line") with { ReadOnly = true },
            FieldDefinition.Stored("origin", FieldType.Char, "Source Document") with { ReadOnly = true },
            FieldDefinition.One2many("move_line_ids", "Move Lines", "stock.move.line", "move_id"),
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;

    public override ModelMethod? FindMethod(string name) => name == "write" ? WritePickedAsync : base.FindMethod(name);

    /// <summary>Writing <c>picked</c> on a move marks all its move lines, as Odoo's inverse does.</summary>
    private async Task<JsonNode?> WritePickedAsync(ModelCall call, CancellationToken cancellationToken)
    {
        var (ids, args) = SplitIds(call, "write", WriteParameters, 1);
        if (args[0] is not JsonObject vals)
        {
            throw OdooException.TypeError($"vals must be a dict, not {PyValues.PyTypeName(args[0])}");
        }

        foreach (var (key, _) in vals)
        {
            if (Definition.FindField(key) is null)
            {
                throw OdooException.ValueError($"Invalid field '{key}' on model '{Definition.Name}'");
            }

            if (key != "picked")
            {
                throw OdooException.UserError($"stock.move.write() only emulates 'picked'; '{key}' is maintained by the stock flow.");
            }
        }

        await CheckExistAsync(call, ids, cancellationToken);
        await call.SpendCostAsync(cancellationToken);
        if (vals.ContainsKey("picked") && ids.Length > 0)
        {
            await StockOperations.SetMovesPickedAsync(call, ids, PyValues.IsTruthy(vals["picked"]), cancellationToken);
        }

        return true;
    }
}
