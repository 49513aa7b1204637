using System.Globalization;
using Npgsql;
using Simulator.OdooEmulator.Configuration;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// One warehouse per configured region code, as Odoo creates them: a view location, its stock
/// location, a customers location, the outgoing picking type with its <c>CODE/OUT/</c> sequence,
/// and <c>Odoo:Seed:StockPerProduct</c> units of every seeded product on hand. Rows are found by
/// their natural keys (warehouse code, location path), so instances seeding different regions
/// into one database do not collide; re-running changes nothing.
/// </summary>
internal static class StockSeeder
{
    public static async Task SeedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, OdooEmulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var region in options.WarehouseCodes)
        {
            await SeedWarehouseAsync(connection, transaction, WarehouseCode(region), options.Seed, cancellationToken);
        }
    }

    /// <summary>Odoo's warehouse code for a region: upper case, at most five characters.</summary>
    public static string WarehouseCode(string region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Trim().ToUpperInvariant();
    }

    private static async Task SeedWarehouseAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string code, SeedOptions seed, CancellationToken cancellationToken)
    {
        var ts = DemoData.SeedTimestamp;
        var view = await LocationAsync(connection, transaction, code, code, "view", null, cancellationToken);
        var stock = await LocationAsync(connection, transaction, "Stock", $"{code}/Stock", "internal", view, cancellationToken);
        var customers = await LocationAsync(connection, transaction, "Customers", $"{code}/Customers", "customer", view, cancellationToken);

        await DemoDataSeeder.ExecuteAsync(connection, transaction, """
            INSERT INTO stock_warehouse (name, code, view_location_id, lot_stock_id, active, create_uid, create_date, write_uid, write_date)
            VALUES (@name, @code, @view, @stock, true, 1, @ts, 1, @ts)
            ON CONFLICT (code) DO NOTHING
            """, cancellationToken, ("name", $"{code} Warehouse"), ("code", code), ("view", view), ("stock", stock), ("ts", ts));
        var warehouse = await ScalarIntAsync(connection, transaction, "SELECT id FROM stock_warehouse WHERE code = @code", cancellationToken, ("code", code));
        await DemoDataSeeder.ExecuteAsync(connection, transaction,
            "UPDATE stock_location SET warehouse_id = @wh WHERE id = ANY(@ids) AND warehouse_id IS DISTINCT FROM @wh",
            cancellationToken, ("wh", warehouse), ("ids", new[] { view, stock, customers }));

        // The delivery numbering: a standard ir.sequence "CODE/OUT/00001" with its PostgreSQL sequence.
        var sequenceCode = $"stock.picking.out.{code}";
        await DemoDataSeeder.ExecuteAsync(connection, transaction, """
            INSERT INTO ir_sequence (name, code, implementation, prefix, padding, number_increment)
            SELECT @name, @code, 'standard', @prefix, 5, 1
            WHERE NOT EXISTS (SELECT 1 FROM ir_sequence WHERE code = @code)
            """, cancellationToken, ("name", $"{code} Sequence out"), ("code", sequenceCode), ("prefix", $"{code}/OUT/"));
        var sequence = await ScalarIntAsync(connection, transaction, "SELECT id FROM ir_sequence WHERE code = @code", cancellationToken, ("code", sequenceCode));
        await DemoDataSeeder.ExecuteAsync(connection, transaction,
            $"CREATE SEQUENCE IF NOT EXISTS {IrSequence.SequenceName(sequence)} INCREMENT BY 1 START WITH 1", cancellationToken);

        await DemoDataSeeder.ExecuteAsync(connection, transaction, """
            INSERT INTO stock_picking_type (name, code, sequence_code, sequence_id, warehouse_id, default_location_src_id,
                                            default_location_dest_id, active, create_uid, create_date, write_uid, write_date)
            VALUES ('Delivery Orders', 'outgoing', 'OUT', @sequence, @wh, @stock, @customers, true, 1, @ts, 1, @ts)
            ON CONFLICT (warehouse_id, code) DO NOTHING
            """, cancellationToken, ("sequence", sequence), ("wh", warehouse), ("stock", stock), ("customers", customers), ("ts", ts));

        await DemoDataSeeder.ExecuteAsync(connection, transaction, """
            INSERT INTO stock_quant (product_id, location_id, quantity, reserved_quantity, in_date, create_uid, create_date, write_uid, write_date)
            SELECT p.id, @stock, @qty, 0, @ts, 1, @ts, 1, @ts
            FROM product_product p
            WHERE p.id BETWEEN 1 AND @products
            ON CONFLICT (product_id, location_id) DO NOTHING
            """, cancellationToken, ("stock", stock), ("qty", (decimal)seed.StockPerProduct), ("products", seed.Products), ("ts", ts));
    }

    private static async Task<int> LocationAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string name, string completeName, string usage, int? parent,
        CancellationToken cancellationToken)
    {
        await DemoDataSeeder.ExecuteAsync(connection, transaction, """
            INSERT INTO stock_location (name, complete_name, usage, location_id, active, create_uid, create_date, write_uid, write_date)
            VALUES (@name, @complete, @usage, @parent, true, 1, @ts, 1, @ts)
            ON CONFLICT (complete_name) DO NOTHING
            """, cancellationToken,
            ("name", name), ("complete", completeName), ("usage", usage), ("parent", parent is { } p ? p : DBNull.Value), ("ts", DemoData.SeedTimestamp));
        return await ScalarIntAsync(connection, transaction, "SELECT id FROM stock_location WHERE complete_name = @complete", cancellationToken,
            ("complete", completeName));
    }

    private static async Task<int> ScalarIntAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }
}
