using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Orm;

/// <summary>Resolves the <c>fields</c> argument of <c>read</c>/<c>search_read</c>.</summary>
internal static class FieldSelection
{
    /// <summary>
    /// The requested fields, or all of them when none are requested (Odoo's <c>fields=None</c>).
    /// <c>id</c> is always returned, so it is not part of the list.
    /// </summary>
    public static IReadOnlyList<FieldDefinition> Resolve(ModelDefinition model, JsonNode? fields)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!PyValues.IsTruthy(fields))
        {
            return model.Fields.Where(f => f.Name != "id").ToList();
        }

        if (fields is not JsonArray names)
        {
            throw OdooException.TypeError($"fields must be a list of field names, not {PyValues.PyTypeName(fields)}");
        }

        var result = new List<FieldDefinition>();
        foreach (var node in names)
        {
            var name = PyValues.AsString(node);
            var field = name is null ? null : model.FindField(name);
            if (field is null)
            {
                throw OdooException.ValueError($"Invalid field {PyValues.Repr(node)} on model '{model.Name}'");
            }

            if (field.Name != "id" && !result.Contains(field))
            {
                result.Add(field);
            }
        }

        return result;
    }
}
