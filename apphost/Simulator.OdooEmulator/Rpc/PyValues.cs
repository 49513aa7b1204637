using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Simulator.OdooEmulator.Rpc;

/// <summary>
/// Reads JSON argument values the way Odoo's Python code would treat them
/// (truthiness, <c>int(x)</c>, ...), raising the Python error Odoo would raise otherwise.
/// </summary>
internal static class PyValues
{
    /// <summary>Python truthiness: None, False, 0, "", [] and {} are false.</summary>
    public static bool IsTruthy(JsonNode? node) => node switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject obj => obj.Count > 0,
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.False or JsonValueKind.Null => false,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            JsonValueKind.Number => NumberValue(value) != 0,
            _ => true,
        },
        _ => true,
    };

    /// <summary>True when the node is JSON <c>false</c> or null, Odoo's "no value".</summary>
    public static bool IsFalseOrNull(JsonNode? node) =>
        node is null || node.GetValueKind() is JsonValueKind.False or JsonValueKind.Null;

    /// <summary>Python's <c>int(x)</c> for ids and counts.</summary>
    public static long ToInt64(JsonNode? node)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.Number:
                    return long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer)
                        ? integer
                        : (long)Math.Truncate(NumberValue(value));
                case JsonValueKind.True:
                    return 1;
                case JsonValueKind.False:
                    return 0;
                case JsonValueKind.String:
                    var text = value.GetValue<string>().Trim();
                    if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return parsed;
                    }

                    throw OdooException.ValueError($"invalid literal for int() with base 10: {Repr(node)}");
                default:
                    break;
            }
        }

        throw OdooException.TypeError(
            $"int() argument must be a string, a bytes-like object or a real number, not '{PyTypeName(node)}'");
    }

    /// <summary>An int that must fit the 32-bit id columns.</summary>
    public static int ToId(JsonNode? node)
    {
        var value = ToInt64(node);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw OdooException.ValueError($"integer out of range: {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return (int)value;
    }

    /// <summary>A float-like number (Odoo's Float/Monetary values).</summary>
    public static decimal ToDecimal(JsonNode? node, string what)
    {
        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.Number:
                    return decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                        ? number
                        : (decimal)NumberValue(value);
                case JsonValueKind.False or JsonValueKind.Null:
                    return 0m;
                case JsonValueKind.True:
                    return 1m;
                case JsonValueKind.String when decimal.TryParse(
                    value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed):
                    return parsed;
                default:
                    break;
            }
        }

        throw OdooException.ValueError($"Wrong value for {what}: {Repr(node)}");
    }

    /// <summary>The value as a string if it is one; null otherwise.</summary>
    public static string? AsString(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    /// <summary>
    /// A JSON number as a double, read from its text so it works whether the node was parsed or
    /// built from a .NET value.
    /// </summary>
    private static double NumberValue(JsonValue value) =>
        double.Parse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Python's type name of a JSON value, for error messages.</summary>
    public static string PyTypeName(JsonNode? node) => node switch
    {
        null => "NoneType",
        JsonArray => "list",
        JsonObject => "dict",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "str",
            JsonValueKind.True or JsonValueKind.False => "bool",
            JsonValueKind.Number => long.TryParse(node.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _) ? "int" : "float",
            _ => "NoneType",
        },
    };

    /// <summary>A Python-style repr of a JSON value, for error messages.</summary>
    public static string Repr(JsonNode? node) => node switch
    {
        null => "None",
        JsonArray array => "[" + string.Join(", ", array.Select(Repr)) + "]",
        JsonObject obj => "{" + string.Join(", ", obj.Select(p => $"'{p.Key}': {Repr(p.Value)}")) + "}",
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => "'" + node.GetValue<string>() + "'",
            JsonValueKind.True => "True",
            JsonValueKind.False => "False",
            JsonValueKind.Null => "None",
            _ => node.ToJsonString(),
        },
    };
}
