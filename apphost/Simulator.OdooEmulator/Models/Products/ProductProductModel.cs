namespace Simulator.OdooEmulator.Models.Products;

/// <summary>
/// <c>product.product</c>. Odoo keeps name and list price on <c>product.template</c>; the emulator
/// folds them into the variant table, which is what clients read through anyway.
/// </summary>
internal sealed class ProductProductModel : OdooModel
{
    /// <summary>Odoo's display name: <c>[default_code] name</c>.</summary>
    private const string DisplayName =
        "CASE WHEN coalesce({0}.default_code, '') = '' THEN {0}.name ELSE '[' || {0}.default_code || '] ' || {0}.name END";

    private static readonly ModelDefinition Model = new("product.product", "Product Variant", "product_product")
    {
        DefaultOrder = "default_code, name, id",
        DisplayNameTemplate = DisplayName,
        SqlConstraintMessages = new Dictionary<string, string>
        {
            ["product_product_barcode_uniq"] = "A barcode can only be assigned to one product !",
        },
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Stored("name", FieldType.Char, "Name"),
            StandardFields.DisplayName("name", DisplayName),
            FieldDefinition.Stored("default_code", FieldType.Char, "Internal Reference"),
            FieldDefinition.Stored("barcode", FieldType.Char, "Barcode"),
            FieldDefinition.Stored("list_price", FieldType.Float, "Sales Price"),
            // Odoo's lst_price is list_price plus variant extras, which the emulator does not have.
            FieldDefinition.Stored("lst_price", FieldType.Float, "Sales Price") with { Column = "list_price", ReadOnly = true },
            FieldDefinition.Stored("active", FieldType.Boolean, "Active"),
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;

    /// <summary>As Odoo's product name search: the internal reference, the barcode or the name.</summary>
    protected override System.Text.Json.Nodes.JsonArray NameSearchDomain(string name, string op) =>
        op is "=" or "ilike" or "like" or "=ilike" or "=like"
            ? new("|", "|", new System.Text.Json.Nodes.JsonArray("default_code", op, name), new System.Text.Json.Nodes.JsonArray("barcode", "=", name), new System.Text.Json.Nodes.JsonArray("name", op, name))
            : base.NameSearchDomain(name, op);
}
