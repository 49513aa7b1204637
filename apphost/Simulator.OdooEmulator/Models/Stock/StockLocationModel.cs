namespace Simulator.OdooEmulator.Models.Stock;

/// <summary><c>stock.location</c>: per warehouse a view, its stock (internal) and a customers location.</summary>
internal sealed class StockLocationModel : ReadOnlyModel
{
    private static readonly ModelDefinition Model = new("stock.location", "Inventory Locations", "stock_location")
    {
        DefaultOrder = "complete_name, id",
        DisplayNameTemplate = "{0}.complete_name",
        RecNameColumn = "complete_name",
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Stored("name", FieldType.Char, "Location Name") with { Required = true },
            FieldDefinition.Stored("complete_name", FieldType.Char, "Full Location Name") with { ReadOnly = true },
            StandardFields.DisplayName("complete_name", "{0}.complete_name"),
            FieldDefinition.Selection("usage", "Location Type", "supplier", "view", "internal", "customer", "inventory", "production", "transit"),
            FieldDefinition.Many2one("location_id", "Parent Location", "stock.location"),
            FieldDefinition.Many2one("warehouse_id", "Warehouse", "stock.warehouse"),
            FieldDefinition.Stored("barcode", FieldType.Char, "Barcode"),
            FieldDefinition.Stored("active", FieldType.Boolean, "Active"),
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;
}
