namespace Simulator.OdooEmulator.Models.Stock;

/// <summary><c>stock.picking.type</c>: each warehouse's "Delivery Orders" (code <c>outgoing</c>).</summary>
internal sealed class StockPickingTypeModel : ReadOnlyModel
{
    private static readonly ModelDefinition Model = new("stock.picking.type", "Picking Type", "stock_picking_type")
    {
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Stored("name", FieldType.Char, "Operation Type") with { Required = true },
            StandardFields.DisplayName("name", "(SELECT w.name FROM stock_warehouse w WHERE w.id = {0}.warehouse_id) || ': ' || {0}.name"),
            FieldDefinition.Selection("code", "Type of Operation", "incoming", "outgoing", "internal"),
            FieldDefinition.Stored("sequence_code", FieldType.Char, "Sequence Prefix"),
            FieldDefinition.Many2one("warehouse_id", "Warehouse", "stock.warehouse"),
            FieldDefinition.Many2one("default_location_src_id", "Default Source Location", "stock.location"),
            FieldDefinition.Many2one("default_location_dest_id", "Default Destination Location", "stock.location"),
            FieldDefinition.Stored("active", FieldType.Boolean, "Active"),
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;
}
