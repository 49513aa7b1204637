namespace Simulator.OdooEmulator.Models;

/// <summary>The fields every Odoo model has (Odoo's "magic" fields).</summary>
internal static class StandardFields
{
    public static FieldDefinition Id { get; } = FieldDefinition.Stored("id", FieldType.Integer, "ID") with { ReadOnly = true };

    public static FieldDefinition CreateDate { get; } =
        FieldDefinition.Stored("create_date", FieldType.Datetime, "Created on") with { ReadOnly = true };

    public static FieldDefinition WriteDate { get; } =
        FieldDefinition.Stored("write_date", FieldType.Datetime, "Last Updated on") with { ReadOnly = true };

    /// <summary>
    /// <c>display_name</c>: read through the model's display-name SQL, searched and sorted on
    /// its name column, as Odoo 17 searches it through <c>_rec_name</c>.
    /// </summary>
    public static FieldDefinition DisplayName(string recNameColumn, string displayNameTemplate) =>
        new("display_name", FieldType.Char, "Display Name")
        {
            Column = recNameColumn,
            ReadExpression = displayNameTemplate,
            ReadOnly = true,
        };
}
