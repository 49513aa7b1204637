using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Models.Stock;

/// <summary>
/// <c>stock.picking</c>: deliveries created by <c>sale.order.action_confirm</c>, with
/// <c>action_assign</c> (reserve from quants) and <c>button_validate</c> (Odoo 17's rules: what
/// is picked is done; nothing picked means everything reserved is).
/// </summary>
internal sealed class StockPickingModel : ReadOnlyModel
{
    private static readonly string[] NoParameters = [];

    private static readonly ModelDefinition Model = new("stock.picking", "Transfer", "stock_picking")
    {
        DefaultOrder = "id desc",
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Stored("name", FieldType.Char, "Reference") with { ReadOnly = true },
            StandardFields.DisplayName("name", "{0}.name"),
            FieldDefinition.Stored("origin", FieldType.Char, "Source Document"),
            FieldDefinition.Many2one("partner_id", "Contact", "res.partner"),
            FieldDefinition.Many2one("picking_type_id", "Operation Type", "stock.picking.type") with { Required = true },
            new FieldDefinition("picking_type_code", FieldType.Selection, "Type of Operation")
            {
                ReadExpression = "(SELECT pt.code FROM stock_picking_type pt WHERE pt.id = {0}.picking_type_id)",
                ReadOnly = true,
                SelectionValues = ["incoming", "outgoing", "internal"],
            },
            FieldDefinition.Many2one("location_id", "Source Location", "stock.location") with { Required = true },
            FieldDefinition.Many2one("location_dest_id", "Destination Location", "stock.location") with { Required = true },
            FieldDefinition.Selection("state", "Status", "draft", "waiting", "confirmed", "assigned", "done", "cancel") with { ReadOnly = true },
            FieldDefinition.Selection("move_type", "Shipping Policy", "direct", "one"),
            FieldDefinition.Stored("scheduled_date", FieldType.Datetime, "Scheduled Date"),
            FieldDefinition.Stored("date_done", FieldType.Datetime, "Date of Transfer") with { ReadOnly = true },
            FieldDefinition.Many2one("sale_id", "Sales Order", "sale.order") with { ReadOnly = true },
            FieldDefinition.One2many("move_ids", "Stock Moves", "stock.move", "picking_id"),
            FieldDefinition.One2many("move_line_ids", "Operations", "stock.move.line", "picking_id"),
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;

    public override ModelMethod? FindMethod(string name) => name switch
    {
        "action_assign" => ActionAssignAsync,
        "button_validate" => ButtonValidateAsync,
        _ => base.FindMethod(name),
    };

    private static async Task<JsonNode?> ActionAssignAsync(ModelCall call, CancellationToken cancellationToken)
    {
        var (ids, _) = SplitIds(call, "action_assign", NoParameters, 0);
        await StockOperations.AssignAsync(call, ids, cancellationToken);
        return true;
    }

    private static async Task<JsonNode?> ButtonValidateAsync(ModelCall call, CancellationToken cancellationToken)
    {
        var (ids, _) = SplitIds(call, "button_validate", NoParameters, 0);
        return await StockOperations.ValidateAsync(call, ids, cancellationToken);
    }
}
