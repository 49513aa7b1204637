using System.Text.RegularExpressions;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Orm;

/// <summary>
/// Validates an Odoo order spec (<c>"date_order desc, id"</c>) against the model's stored fields
/// and turns it into an ORDER BY list; nothing from the client reaches the SQL unchecked.
/// </summary>
internal static partial class OrderByCompiler
{
    public static string Compile(ModelDefinition model, string? order, string alias)
    {
        ArgumentNullException.ThrowIfNull(model);
        var spec = string.IsNullOrWhiteSpace(order) ? model.DefaultOrder : order;
        var terms = new List<string>();
        foreach (var part in spec.Split(','))
        {
            var match = OrderTerm().Match(part);
            var field = match.Success ? model.FindField(match.Groups["field"].Value) : null;
            if (field is null || !field.IsStored)
            {
                throw OdooException.ValueError(
                    $"Invalid \"order\" specified ({spec}). A valid \"order\" specification is a comma-separated list of " +
                    "valid field names (optionally followed by asc/desc for the direction)");
            }

            var direction = match.Groups["dir"].Success ? match.Groups["dir"].Value.ToUpperInvariant() : "ASC";
            var nulls = match.Groups["nulls"].Success ? " NULLS " + match.Groups["nulls"].Value.ToUpperInvariant() : "";
            terms.Add($"{alias}.{field.Column} {direction}{nulls}");
        }

        return string.Join(", ", terms);
    }

    [GeneratedRegex(@"^\s*(?<field>[a-z_][a-z0-9_]*)(?:\s+(?<dir>asc|desc))?(?:\s+nulls\s+(?<nulls>first|last))?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OrderTerm();
}
