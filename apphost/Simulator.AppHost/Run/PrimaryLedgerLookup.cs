using Npgsql;

namespace Simulator.AppHost.Run;

/// <summary>
/// Asks the primary database itself which acknowledged order names exist — not the Odoo API, which
/// could answer from a replica or a cache. Lost = acknowledged by Odoo but absent here.
/// </summary>
public static class PrimaryLedgerLookup
{
    /// <summary>
    /// A set-membership lookup over the <b>confirmed</b> sale orders' names on the database at
    /// <paramref name="connectionString"/>: an acknowledged order is a confirmed one, so an order the primary holds only
    /// as a draft (its confirmation lost) counts as absent.
    /// </summary>
    public static Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlySet<string>>> SaleOrderNames(string connectionString) =>
        async (names, cancellationToken) =>
        {
            // Never a pooled connection: in a suite the same node's address comes back run after run, and an idle
            // connection from an earlier run may belong to a server a failover or switchover has restarted since.
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT name FROM sale_order WHERE name = ANY(@names) AND state IN ('sale', 'done')", connection);
            command.Parameters.AddWithValue("names", names.ToArray());
            var found = new HashSet<string>(StringComparer.Ordinal);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add(reader.GetString(0));
            }

            return found;
        };
}
