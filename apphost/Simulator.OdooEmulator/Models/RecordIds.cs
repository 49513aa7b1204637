using System.Globalization;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models;

/// <summary>Record ids as Odoo's <c>browse()</c> accepts them: one id or a list of ids.</summary>
internal static class RecordIds
{
    /// <summary>The distinct ids, in the order given.</summary>
    public static int[] Parse(JsonNode? node)
    {
        IEnumerable<JsonNode?> items = node switch
        {
            null => [],
            JsonArray array => array,
            _ when PyValues.IsFalseOrNull(node) => [],
            _ => [node],
        };
        return items.Select(PyValues.ToId).Distinct().ToArray();
    }

    /// <summary>The record set's Python repr, e.g. <c>sale.order(7,)</c>, for error messages.</summary>
    public static string Repr(string model, IReadOnlyCollection<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var list = string.Join(", ", ids.Select(id => id.ToString(CultureInfo.InvariantCulture)));
        return ids.Count == 1 ? $"{model}({list},)" : $"{model}({list})";
    }

    /// <summary>Odoo's <c>MissingError</c> for records that do not exist.</summary>
    public static OdooException Missing(string model, IReadOnlyCollection<int> ids, int uid) =>
        OdooException.MissingError(string.Create(
            CultureInfo.InvariantCulture,
            $"Record does not exist or has been deleted.\n(Record: {Repr(model, ids)}, User: {uid})"));
}
