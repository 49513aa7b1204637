using Npgsql;

namespace Simulator.AppHost.Tests;

/// <summary>
/// What the order-import and warehouse-scan workloads must leave in Odoo's tables, read from the primary: the
/// acknowledged orders confirmed with lines and one delivery each, done deliveries moved in full, and every quant's
/// on-hand equal to what was seeded minus what done moves took, its reservation equal to what open moves hold.
/// </summary>
public sealed record DatabaseConsistency(
    long ConfirmedOrdersWithLinesAndOneDelivery,
    long DonePickings,
    IReadOnlyList<int> ShortDoneMoves,
    IReadOnlyList<string> InconsistentQuants,
    long StockQuantsChecked,
    long NegativeQuants)
{
    public static async Task<DatabaseConsistency> ReadAsync(string connectionString, string[] acknowledged, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var orders = await ScalarAsync(connection, """
            SELECT count(*) FROM sale_order o
            WHERE o.name = ANY(@names) AND o.state = 'sale'
              AND EXISTS (SELECT 1 FROM sale_order_line l WHERE l.order_id = o.id)
              AND (SELECT count(*) FROM stock_picking p WHERE p.sale_id = o.id) = 1
            """, acknowledged, cancellationToken);
        var done = await ScalarAsync(connection, "SELECT count(*) FROM stock_picking WHERE state = 'done'", null, cancellationToken);
        var shortMoves = await ColumnAsync<int>(connection, """
            SELECT m.id FROM stock_move m JOIN stock_picking p ON p.id = m.picking_id
            WHERE p.state = 'done' AND (m.state <> 'done' OR m.quantity <> m.product_uom_qty OR NOT m.picked
                  OR m.quantity <> (SELECT coalesce(sum(l.quantity), 0) FROM stock_move_line l WHERE l.move_id = m.id AND l.picked))
            """, cancellationToken);
        // Seeded on hand is the same for every product of a warehouse's stock; each of its quants must add up to it.
        var quants = await ColumnAsync<string>(connection, """
            WITH q AS (
                SELECT q.product_id, q.location_id, q.quantity, q.reserved_quantity,
                       (SELECT coalesce(sum(l.quantity), 0) FROM stock_move_line l JOIN stock_move m ON m.id = l.move_id
                        WHERE l.product_id = q.product_id AND l.location_id = q.location_id AND m.state = 'done') AS delivered,
                       (SELECT coalesce(sum(l.quantity), 0) FROM stock_move_line l JOIN stock_move m ON m.id = l.move_id
                        WHERE l.product_id = q.product_id AND l.location_id = q.location_id AND m.state NOT IN ('done', 'cancel')) AS held
                FROM stock_quant q JOIN stock_location s ON s.id = q.location_id
                WHERE s.complete_name LIKE '%/Stock')
            SELECT format('product %s at location %s: on hand %s + delivered %s, reserved %s vs held %s',
                          product_id, location_id, quantity, delivered, reserved_quantity, held)
            FROM q
            WHERE reserved_quantity <> held
               OR quantity + delivered <> (SELECT max(q2.quantity + q2.delivered) FROM q q2 WHERE q2.location_id = q.location_id)
            """, cancellationToken);
        var checkedQuants = await ScalarAsync(connection, """
            SELECT count(*) FROM stock_quant q JOIN stock_location s ON s.id = q.location_id WHERE s.complete_name LIKE '%/Stock'
            """, null, cancellationToken);
        var negative = await ScalarAsync(connection, "SELECT count(*) FROM stock_quant WHERE quantity < 0 OR reserved_quantity < 0", null, cancellationToken);
        return new DatabaseConsistency(orders, done, shortMoves, quants, checkedQuants, negative);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql, string[]? names, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        if (names is not null)
        {
            command.Parameters.AddWithValue("names", names);
        }

        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<List<T>> ColumnAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var values = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }
}
