using System.Globalization;

namespace Simulator.OdooEmulator.Models;

/// <summary>
/// A model as Odoo's ORM sees it: name, table, fields, default order and how a record is named.
/// </summary>
/// <param name="Name">Technical name (<c>sale.order</c>).</param>
/// <param name="Description">Odoo's <c>_description</c>, used in error messages.</param>
/// <param name="Table">The table (<c>sale_order</c>).</param>
internal sealed record ModelDefinition(string Name, string Description, string Table)
{
    /// <summary>The fields, in the order Odoo lists them when no fields are requested.</summary>
    public required IReadOnlyList<FieldDefinition> Fields { get; init; }

    /// <summary>Odoo's <c>_order</c>, used when a search passes no order.</summary>
    public string DefaultOrder { get; init; } = "id";

    /// <summary>SQL for the record's display name; <c>{0}</c> is the table alias.</summary>
    public string DisplayNameTemplate { get; init; } = "{0}.name";

    /// <summary>The column a name search on a many2one pointing here compares against.</summary>
    public string RecNameColumn { get; init; } = "name";

    /// <summary>Messages of the model's SQL constraints, by constraint name.</summary>
    public IReadOnlyDictionary<string, string> SqlConstraintMessages { get; init; } = new Dictionary<string, string>();

    /// <summary>The field called <paramref name="name"/>, or null.</summary>
    public FieldDefinition? FindField(string name) =>
        Fields.FirstOrDefault(field => string.Equals(field.Name, name, StringComparison.Ordinal));

    /// <summary>The field stored in <paramref name="column"/>, or null.</summary>
    public FieldDefinition? FindFieldByColumn(string? column) =>
        column is null ? null : Fields.FirstOrDefault(field => string.Equals(field.Column, column, StringComparison.Ordinal) && field.ReadExpression is null);

    /// <summary>The display-name SQL for a given table alias.</summary>
    public string DisplayNameSql(string alias) => string.Format(CultureInfo.InvariantCulture, DisplayNameTemplate, alias);

    /// <summary>True when the model has an <c>active</c> field, which searches filter on implicitly.</summary>
    public bool HasActiveField => FindField("active") is not null;
}
