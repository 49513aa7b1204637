using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Models;

/// <summary>One field's entry in <c>fields_get</c>, with Odoo's attribute names.</summary>
internal static class FieldDescriptions
{
    public static JsonObject Describe(ModelRegistry registry, FieldDefinition field, IReadOnlySet<string>? attributes)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(field);
        var all = new List<(string Name, JsonNode? Value)>
        {
            ("name", field.Name),
            ("type", TypeName(field.Type)),
            ("string", field.Label),
            ("readonly", field.ReadOnly),
            ("required", field.Required),
            ("store", field.IsStored),
            ("searchable", field.IsStored || field.Type == FieldType.One2many),
            ("sortable", field.IsStored && field.Type is not (FieldType.One2many or FieldType.Binary)),
        };
        if (field.Help is { } help)
        {
            all.Add(("help", help));
        }

        if (field.Comodel is { } comodel)
        {
            all.Add(("relation", comodel));
        }

        if (field.InverseName is { } inverse)
        {
            all.Add(("relation_field", inverse));
        }

        if (field.Type == FieldType.Selection)
        {
            all.Add(("selection", new JsonArray(field.SelectionValues.Select(v => (JsonNode)new JsonArray(v, Label(v))).ToArray())));
        }

        var description = new JsonObject();
        foreach (var (name, value) in all)
        {
            if (attributes is null || attributes.Contains(name))
            {
                description[name] = value;
            }
        }

        return description;
    }

    /// <summary>Odoo's field type names.</summary>
    public static string TypeName(FieldType type) => type switch
    {
        FieldType.Many2one => "many2one",
        FieldType.One2many => "one2many",
        _ => type.ToString().ToLowerInvariant(),
    };

    /// <summary>A selection value's label: <c>partially_available</c> reads "Partially available".</summary>
    private static string Label(string value)
    {
        var words = value.Replace('_', ' ');
        return words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];
    }
}
