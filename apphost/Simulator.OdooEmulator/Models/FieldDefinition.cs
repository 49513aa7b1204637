namespace Simulator.OdooEmulator.Models;

/// <summary>
/// One field of a model: its Odoo name and type, and where it lives in the database.
/// </summary>
/// <param name="Name">The field's Odoo name, as clients use it.</param>
/// <param name="Type">The Odoo field type.</param>
/// <param name="Label">The field's label (Odoo's <c>string</c>), used in error messages.</param>
internal sealed record FieldDefinition(string Name, FieldType Type, string Label)
{
    /// <summary>Stored column; null for fields that are not stored (one2many).</summary>
    public string? Column { get; init; }

    /// <summary>The related model of a many2one or one2many field.</summary>
    public string? Comodel { get; init; }

    /// <summary>A one2many's inverse many2one field on the comodel.</summary>
    public string? InverseName { get; init; }

    /// <summary>Computed or magic fields clients cannot write; values sent for them are ignored.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Odoo's <c>required=True</c>, as <c>fields_get</c> reports it.</summary>
    public bool Required { get; init; }

    /// <summary>Odoo's <c>help</c> text, if any.</summary>
    public string? Help { get; init; }

    /// <summary>Allowed values of a selection field.</summary>
    public IReadOnlyList<string> SelectionValues { get; init; } = [];

    /// <summary>
    /// SQL that reads the value instead of the column (<c>{0}</c> is the table alias), for fields
    /// like <c>display_name</c> that are searched on one column but read as an expression.
    /// </summary>
    public string? ReadExpression { get; init; }

    /// <summary>True when the field can be used in domains and ordering.</summary>
    public bool IsStored => Column is not null;

    /// <summary>A stored field whose column has the field's name, as most Odoo fields do.</summary>
    public static FieldDefinition Stored(string name, FieldType type, string label) => new(name, type, label) { Column = name };

    public static FieldDefinition Many2one(string name, string label, string comodel) =>
        new(name, FieldType.Many2one, label) { Column = name, Comodel = comodel };

    public static FieldDefinition One2many(string name, string label, string comodel, string inverseName) =>
        new(name, FieldType.One2many, label) { Comodel = comodel, InverseName = inverseName, ReadOnly = true };

    public static FieldDefinition Selection(string name, string label, params string[] values) =>
        new(name, FieldType.Selection, label) { Column = name, SelectionValues = values };
}
