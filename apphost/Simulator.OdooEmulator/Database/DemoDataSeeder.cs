using Npgsql;
using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Security;

namespace Simulator.OdooEmulator.Database;

/// <summary>
/// Makes sure the configured users, sequences and demo rows exist. Rows are inserted with fixed
/// ids and <c>ON CONFLICT DO NOTHING</c>, so re-running (or a second instance) changes nothing.
/// </summary>
internal static class DemoDataSeeder
{
    public static async Task SeedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, OdooEmulatorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        await ExecuteAsync(connection, transaction, """
            INSERT INTO res_users (id, login, active, create_date, write_date)
            VALUES (@system_id, '__system__', false, @ts, @ts), (@admin_id, @login, true, @ts, @ts)
            ON CONFLICT (id) DO UPDATE SET login = EXCLUDED.login WHERE res_users.login <> EXCLUDED.login
            """, cancellationToken,
            ("system_id", Credentials.SystemUid), ("admin_id", Credentials.AdminUid), ("login", options.Login),
            ("ts", DemoData.SeedTimestamp));

        await ExecuteAsync(connection, transaction, """
            INSERT INTO ir_sequence (id, name, code, implementation, prefix, padding, number_increment)
            VALUES (@id, 'Sales Order', 'sale.order', 'standard', 'S', 5, 1)
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken, ("id", OdooSchema.SaleOrderSequenceId));

        await ExecuteAsync(connection, transaction, """
            INSERT INTO res_country (id, code, name)
            SELECT u.id, u.code, u.name FROM unnest(@ids, @codes, @names) AS u(id, code, name)
            ON CONFLICT DO NOTHING
            """, cancellationToken,
            ("ids", DemoData.Countries.Select(c => c.Id).ToArray()),
            ("codes", DemoData.Countries.Select(c => c.Code).ToArray()),
            ("names", DemoData.Countries.Select(c => c.Name).ToArray()));

        var partners = Enumerable.Range(1, options.Seed.Partners).Select(DemoData.Partner).ToArray();
        await ExecuteAsync(connection, transaction, """
            INSERT INTO res_partner (id, name, ref, email, city, country_id, is_company, customer_rank, active,
                                     create_uid, create_date, write_uid, write_date)
            SELECT u.id, u.name, u.ref, u.email, u.city, u.country_id, u.is_company, 1, true, 1, @ts, 1, @ts
            FROM unnest(@ids, @names, @refs, @emails, @cities, @countries, @companies) AS u(id, name, ref, email, city, country_id, is_company)
            ON CONFLICT DO NOTHING
            """, cancellationToken,
            ("ids", partners.Select(p => p.Id).ToArray()),
            ("names", partners.Select(p => p.Name).ToArray()),
            ("refs", partners.Select(p => p.Ref).ToArray()),
            ("emails", partners.Select(p => p.Email).ToArray()),
            ("cities", partners.Select(p => p.City).ToArray()),
            ("countries", partners.Select(p => p.CountryId).ToArray()),
            ("companies", partners.Select(p => p.IsCompany).ToArray()),
            ("ts", DemoData.SeedTimestamp));

        var products = Enumerable.Range(1, options.Seed.Products).Select(DemoData.Product).ToArray();
        await ExecuteAsync(connection, transaction, """
            INSERT INTO product_product (id, name, default_code, barcode, list_price, active,
                                         create_uid, create_date, write_uid, write_date)
            SELECT u.id, u.name, u.code, u.barcode, u.price, true, 1, @ts, 1, @ts
            FROM unnest(@ids, @names, @codes, @barcodes, @prices) AS u(id, name, code, barcode, price)
            ON CONFLICT DO NOTHING
            """, cancellationToken,
            ("ids", products.Select(p => p.Id).ToArray()),
            ("names", products.Select(p => p.Name).ToArray()),
            ("codes", products.Select(p => p.DefaultCode).ToArray()),
            ("barcodes", products.Select(p => p.Barcode).ToArray()),
            ("prices", products.Select(p => p.ListPrice).ToArray()),
            ("ts", DemoData.SeedTimestamp));

        // Explicit ids bypass the serial sequences: move each forward past the seeded rows, never
        // back, since a running instance may already have handed out higher ids.
        foreach (var table in new[] { "res_users", "ir_sequence", "res_country", "res_partner", "product_product" })
        {
            await ExecuteAsync(connection, transaction, $"""
                SELECT setval('{table}_id_seq', m.max_id)
                FROM (SELECT max(id) AS max_id FROM {table}) AS m
                WHERE m.max_id IS NOT NULL AND m.max_id >= (SELECT last_value FROM {table}_id_seq)
                """, cancellationToken);
        }

        await StockSeeder.SeedAsync(connection, transaction, options, cancellationToken);
    }

    internal static async Task ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        string sql,
        CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
