namespace Simulator.OdooEmulator.Models.Stock;

/// <summary><c>stock.warehouse</c>: one per seeded region (<c>Odoo:Warehouses</c>), its code the region's.</summary>
internal sealed class StockWarehouseModel : ReadOnlyModel
{
    private static readonly ModelDefinition Model = new("stock.warehouse", "Warehouse", "stock_warehouse")
    {
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Stored("name", FieldType.Char, "Warehouse") with { Required = true },
            StandardFields.DisplayName("name", "{0}.name"),
            FieldDefinition.Stored("code", FieldType.Char, "Short Name") with { Required = true },
            FieldDefinition.Many2one("view_location_id", "View Location", "stock.location"),
            FieldDefinition.Many2one("lot_stock_id", "Location Stock", "stock.location"),
            FieldDefinition.Stored("active", FieldType.Boolean, "Active"),
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;
}
