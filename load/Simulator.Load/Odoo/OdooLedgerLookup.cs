using System.Text.Json;

namespace Simulator.Load.Odoo;

/// <summary>Ledger lookups through Odoo, for <see cref="Ledger.LedgerChecker"/>.</summary>
public static class OdooLedgerLookup
{
    private static readonly string[] NameField = ["name"];

    /// <summary>
    /// A lookup that returns which of the given sale order names exist, through <c>sale.order</c> <c>search_read</c>
    /// on <paramref name="client"/> (point it at the surviving primary's region, logged in).
    /// </summary>
    /// <param name="client">A logged-in client.</param>
    /// <returns>The lookup function.</returns>
    public static Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>> SaleOrderNames(OdooClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return async (names, cancellationToken) =>
        {
            object?[] domain = [new object?[] { "name", "in", names }];
            var rows = await client.ExecuteKwAsync(
                "sale.order",
                "search_read",
                [domain],
                new Dictionary<string, object?> { ["fields"] = NameField },
                cancellationToken).ConfigureAwait(false);
            var present = new HashSet<string>(StringComparer.Ordinal);
            if (rows.ValueKind == JsonValueKind.Array)
            {
                foreach (var row in rows.EnumerateArray())
                {
                    if (row.ValueKind == JsonValueKind.Object && row.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                    {
                        present.Add(name.GetString()!);
                    }
                }
            }

            return present;
        };
    }
}
