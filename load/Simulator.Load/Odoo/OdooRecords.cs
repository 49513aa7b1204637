using System.Text.Json;

namespace Simulator.Load.Odoo;

/// <summary>Reads the shapes Odoo answers in: <c>search_read</c> rows, many2one pairs, ids returned by <c>create</c>.</summary>
internal static class OdooRecords
{
    /// <summary>Odoo's <c>MissingError</c>: the record does not exist (or not yet, on a lagging replica).</summary>
    public const string MissingError = "odoo.exceptions.MissingError";

    /// <summary>The rows of a <c>search_read</c> or <c>read</c> answer (none when it is not a list of objects).</summary>
    public static IEnumerable<JsonElement> Rows(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Array
            ? answer.EnumerateArray().Where(row => row.ValueKind == JsonValueKind.Object)
            : [];

    /// <summary>The <c>id</c> of every row that has one.</summary>
    public static int[] Ids(JsonElement answer) =>
        [.. Rows(answer).Select(row => Int(row, "id")).OfType<int>()];

    /// <summary>An integer field of a row, or null when absent or not an integer.</summary>
    public static int? Int(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int number)
            ? number
            : null;

    /// <summary>A number field of a row (Odoo floats), or null.</summary>
    public static decimal? Number(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal number)
            ? number
            : null;

    /// <summary>A text field of a row, or null (Odoo sends <c>false</c> for an empty one).</summary>
    public static string? Text(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The id of a many2one field (<c>[id, "name"]</c>), or null when empty (<c>false</c>).</summary>
    public static int? Many2one(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0
            && value[0].TryGetInt32(out int id)
            ? id
            : null;

    /// <summary>The ids of a one2many or many2many field, empty when absent.</summary>
    public static int[] IdList(JsonElement row, string field) =>
        row.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Number).Select(v => v.GetInt32())]
            : [];

    /// <summary>
    /// The id <c>create</c> returned (one id, or a list of one). Anything else means the write may stand with an id
    /// the client cannot use, so the outcome is unknown.
    /// </summary>
    /// <exception cref="OdooTransportException">The answer holds no single id.</exception>
    public static int CreatedId(JsonElement created, string model)
    {
        if (created.ValueKind == JsonValueKind.Number && created.TryGetInt32(out int id))
        {
            return id;
        }

        if (created.ValueKind == JsonValueKind.Array && created.GetArrayLength() == 1 && created[0].TryGetInt32(out id))
        {
            return id;
        }

        throw new OdooTransportException("bad-response", true, $"{model}.create returned {created.GetRawText()}, not an id");
    }
}
