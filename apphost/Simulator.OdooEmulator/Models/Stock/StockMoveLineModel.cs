using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Stock;

/// <summary>
/// <c>stock.move.line</c>: the reserved (then picked) quantity of a move in one location, created
/// by reservation. Clients pick by writing <c>picked</c> and may change <c>quantity</c>, which
/// moves the quant's reservation with it, as Odoo does.
/// </summary>
internal sealed class StockMoveLineModel : ReadOnlyModel
{
    private static readonly string[] WriteParameters = ["vals"];

    private static readonly ModelDefinition Model = new("stock.move.line", "Product Moves (Stock Move Line)", "stock_move_line")
    {
        DefaultOrder = "id",
        DisplayNameTemplate = "(SELECT p.name FROM product_product p WHERE p.id = {0}.product_id)",
        RecNameColumn = "id",
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Many2one("move_id", "Stock Operation", "stock.move") with { ReadOnly = true },
            FieldDefinition.Many2one("picking_id", "Transfer", "stock.picking") with { ReadOnly = true },
            FieldDefinition.Many2one("product_id", "Product", "product.product") with { ReadOnly = true },
            FieldDefinition.Many2one("location_id", "From", "stock.location") with { ReadOnly = true },
            FieldDefinition.Many2one("location_dest_id", "To", "stock.location") with { ReadOnly = true },
            FieldDefinition.Stored("quantity", FieldType.Float, "Quantity"),
            FieldDefinition.Stored("picked", FieldType.Boolean, "Picked"),
            new FieldDefinition("state", FieldType.Selection, "Status")
            {
                ReadExpression = "(SELECT m.state FROM stock_move m WHERE m.id = {0}.move_id)",
                ReadOnly = true,
                SelectionValues = ["draft", "waiting", "confirmed", "partially_available", "assigned", "done", "cancel"],
            },
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;

    public override ModelMethod? FindMethod(string name) => name == "write" ? WriteLinesAsync : base.FindMethod(name);

    private async Task<JsonNode?> WriteLinesAsync(ModelCall call, CancellationToken cancellationToken)
    {
        var (ids, args) = SplitIds(call, "write", WriteParameters, 1);
        if (args[0] is not JsonObject vals)
        {
            throw OdooException.TypeError($"vals must be a dict, not {PyValues.PyTypeName(args[0])}");
        }

        decimal? quantity = null;
        bool? picked = null;
        foreach (var (key, value) in vals)
        {
            switch (key)
            {
                case "quantity":
                    quantity = PyValues.ToDecimal(value, "stock.move.line.quantity");
                    if (quantity < 0)
                    {
                        throw OdooException.UserError("You can not enter negative quantities.");
                    }

                    break;
                case "picked":
                    picked = PyValues.IsTruthy(value);
                    break;
                default:
                    if (Definition.FindField(key) is null)
                    {
                        throw OdooException.ValueError($"Invalid field '{key}' on model '{Definition.Name}'");
                    }

                    throw OdooException.UserError($"stock.move.line.write() only emulates 'quantity' and 'picked'; '{key}' is maintained by the stock flow.");
            }
        }

        await StockOperations.WriteMoveLinesAsync(call, ids, quantity, picked, cancellationToken);
        return true;
    }
}
