using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Npgsql;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Orm;

/// <summary>
/// Converts field values between Odoo's JSON forms and database values: <c>false</c> for empty
/// values, <c>[id, name]</c> for many2one, <c>"YYYY-MM-DD HH:MM:SS"</c> (UTC) for datetimes.
/// </summary>
internal static class FieldValues
{
    /// <summary>Odoo's <c>DATETIME_FORMAT</c>.</summary>
    public const string DatetimeFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly string[] DatetimeInputFormats =
        [DatetimeFormat, "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    /// <summary>
    /// Reads a field from the current row starting at <paramref name="ordinal"/>; many2one fields
    /// span two columns (id, display name), every other field one.
    /// </summary>
    public static JsonNode? Read(NpgsqlDataReader reader, int ordinal, FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(field);
        if (reader.IsDBNull(ordinal))
        {
            // Odoo reads empty numbers as zero and every other empty value as False.
            return field.Type switch
            {
                FieldType.Integer => 0,
                FieldType.Float or FieldType.Monetary => 0.0,
                FieldType.One2many => new JsonArray(),
                _ => false,
            };
        }

        return field.Type switch
        {
            FieldType.Integer => Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture),
            FieldType.Float or FieldType.Monetary => (double)reader.GetDecimal(ordinal),
            FieldType.Boolean => reader.GetBoolean(ordinal),
            FieldType.Datetime => reader.GetDateTime(ordinal).ToString(DatetimeFormat, CultureInfo.InvariantCulture),
            FieldType.Many2one => new JsonArray(
                reader.GetInt32(ordinal), reader.IsDBNull(ordinal + 1) ? "" : reader.GetString(ordinal + 1)),
            FieldType.One2many => new JsonArray(reader.GetFieldValue<int[]>(ordinal).Select(id => (JsonNode)id).ToArray()),
            _ => reader.GetString(ordinal),
        };
    }

    /// <summary>How many result columns <see cref="Read"/> consumes for the field.</summary>
    public static int ColumnCount(FieldDefinition field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.Type == FieldType.Many2one ? 2 : 1;
    }

    /// <summary>
    /// The database value for a value a client writes (create/write). Null stands for SQL NULL.
    /// </summary>
    public static object? ToColumnValue(ModelDefinition model, FieldDefinition field, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(field);
        var what = $"{model.Name}.{field.Name}";
        switch (field.Type)
        {
            case FieldType.Integer:
                return PyValues.IsFalseOrNull(value) ? 0L : PyValues.ToInt64(value);
            case FieldType.Float or FieldType.Monetary:
                return PyValues.ToDecimal(value, what);
            case FieldType.Boolean:
                return PyValues.IsTruthy(value);
            case FieldType.Many2one:
                if (PyValues.IsFalseOrNull(value))
                {
                    return null;
                }

                // Odoo also accepts the (id, name) pair it hands out when reading.
                return PyValues.ToId(value is JsonArray pair && pair.Count > 0 ? pair[0] : value);
            case FieldType.Datetime:
                return PyValues.IsFalseOrNull(value) ? null : ParseDatetime(value, what);
            case FieldType.Selection:
                if (PyValues.IsFalseOrNull(value))
                {
                    return null;
                }

                var choice = PyValues.AsString(value);
                if (choice is null || !field.SelectionValues.Contains(choice, StringComparer.Ordinal))
                {
                    throw OdooException.ValueError($"Wrong value for {what}: {PyValues.Repr(value)}");
                }

                return choice;
            default:
                return PyValues.IsFalseOrNull(value) ? null : ToText(value, what);
        }
    }

    /// <summary>
    /// The value to compare a field against in a domain, typed as the column so PostgreSQL
    /// compares like with like. Domains compare many2one fields by id.
    /// </summary>
    public static object ToComparable(ModelDefinition model, FieldDefinition field, JsonNode? value)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(field);
        var what = $"{model.Name}.{field.Name}";
        return field.Type switch
        {
            FieldType.Integer or FieldType.Many2one => PyValues.ToInt64(value),
            FieldType.Float or FieldType.Monetary => PyValues.ToDecimal(value, what),
            FieldType.Boolean => PyValues.IsTruthy(value),
            FieldType.Datetime => ParseDatetime(value, what),
            _ => ToText(value, what),
        };
    }

    /// <summary>A typed array of <see cref="ToComparable"/> values, for <c>= ANY(...)</c>.</summary>
    public static Array ToComparableArray(ModelDefinition model, FieldDefinition field, IEnumerable<JsonNode?> values)
    {
        ArgumentNullException.ThrowIfNull(field);
        var items = values.Select(v => ToComparable(model, field, v)).ToList();
        return field.Type switch
        {
            FieldType.Integer or FieldType.Many2one => items.Cast<long>().ToArray(),
            FieldType.Float or FieldType.Monetary => items.Cast<decimal>().ToArray(),
            FieldType.Boolean => items.Cast<bool>().ToArray(),
            FieldType.Datetime => items.Cast<DateTime>().ToArray(),
            _ => items.Cast<string>().ToArray(),
        };
    }

    /// <summary>A datetime in Odoo's string form, as an unspecified-kind (UTC) value.</summary>
    public static DateTime ParseDatetime(JsonNode? value, string what)
    {
        var text = PyValues.AsString(value);
        if (text is not null && DateTime.TryParseExact(
            text, DatetimeInputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified);
        }

        throw OdooException.ValueError($"Wrong value for {what}: {PyValues.Repr(value)}");
    }

    private static string ToText(JsonNode? value, string what) => value switch
    {
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => scalar.GetValue<string>(),
        JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number => scalar.ToJsonString(),
        _ => throw OdooException.ValueError($"Wrong value for {what}: {PyValues.Repr(value)}"),
    };
}
