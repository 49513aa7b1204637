namespace Simulator.OdooEmulator.Models.Stock;

/// <summary>
/// <c>stock.quant</c>: on-hand and reserved quantity of a product in a location. Reservations and
/// validated deliveries update these rows, so popular products' quants are contended as in Odoo.
/// </summary>
internal sealed class StockQuantModel : ReadOnlyModel
{
    private static readonly ModelDefinition Model = new("stock.quant", "Quants", "stock_quant")
    {
        DefaultOrder = "location_id, id",
        DisplayNameTemplate = "(SELECT l.complete_name FROM stock_location l WHERE l.id = {0}.location_id) || ' - ' || (SELECT p.name FROM product_product p WHERE p.id = {0}.product_id)",
        RecNameColumn = "id",
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Many2one("product_id", "Product", "product.product") with { Required = true },
            FieldDefinition.Many2one("location_id", "Location", "stock.location") with { Required = true },
            FieldDefinition.Stored("quantity", FieldType.Float, "Quantity") with { ReadOnly = true },
            FieldDefinition.Stored("reserved_quantity", FieldType.Float, "Reserved Quantity") with { ReadOnly = true },
            new FieldDefinition("available_quantity", FieldType.Float, "Available Quantity")
            {
                ReadExpression = "({0}.quantity - {0}.reserved_quantity)",
                ReadOnly = true,
            },
            FieldDefinition.Stored("in_date", FieldType.Datetime, "Incoming Date") with { ReadOnly = true },
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;
}
