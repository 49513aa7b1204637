using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Database;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class SchemaInitializerTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Concurrent_initializations_of_an_empty_database_all_succeed_and_seed_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync("race");
        var options = new OdooEmulatorOptions { Database = connectionString, Seed = new SeedOptions { Products = 120, Partners = 30 } };
        var dataSources = Enumerable.Range(0, 6).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            var initializers = dataSources.Select(ds =>
                new SchemaInitializer(ds, options, TimeProvider.System, NullLogger<SchemaInitializer>.Instance));

            // Without the advisory lock, concurrent CREATE TABLE IF NOT EXISTS fails with duplicate pg_type rows.
            await Task.WhenAll(initializers.Select(init => Task.Run(() => init.InitializeAsync(CancellationToken.None))));

            Assert.Equal(120, await ScalarAsync(connectionString, "SELECT count(*) FROM product_product"));
            Assert.Equal(30, await ScalarAsync(connectionString, "SELECT count(*) FROM res_partner"));
            Assert.Equal(1, await ScalarAsync(connectionString, "SELECT count(*) FROM ir_sequence WHERE code = 'sale.order'"));
            Assert.Equal(120, await ScalarAsync(connectionString, "SELECT count(DISTINCT barcode) FROM product_product"));
        }
        finally
        {
            foreach (var ds in dataSources)
            {
                await ds.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Seed_is_deterministic_and_rerunning_it_changes_nothing()
    {
        var connectionString = await postgres.CreateDatabaseAsync("reseed");
        var options = new OdooEmulatorOptions { Database = connectionString, Seed = new SeedOptions { Products = 40, Partners = 10 } };
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var initializer = new SchemaInitializer(dataSource, options, TimeProvider.System, NullLogger<SchemaInitializer>.Instance);

        await initializer.InitializeAsync(CancellationToken.None);
        var first = await SnapshotAsync(connectionString);
        await initializer.InitializeAsync(CancellationToken.None);
        var second = await SnapshotAsync(connectionString);

        Assert.Equal(first, second);
        var product = DemoData.Product(17);
        Assert.Contains($"17|{product.Name}|{product.DefaultCode}|{product.Barcode}|{product.ListPrice}", first);
    }

    [Fact]
    public async Task Two_emulators_starting_together_share_one_schema_and_number_orders_without_collisions()
    {
        var connectionString = await postgres.CreateDatabaseAsync("twins");
        await using var first = new EmulatorFactory(connectionString);
        await using var second = new EmulatorFactory(connectionString);

        await Task.WhenAll(Task.Run(first.StartServer), Task.Run(second.StartServer));

        var clients = new[] { first.CreateRpcClient(), second.CreateRpcClient() };
        var creates = Enumerable.Range(0, 30).Select(i => clients[i % 2].ExecuteKwAsync("sale.order", "create",
            [Json.Object($$"""{"partner_id": {{1 + i % 50}}, "order_line": [[0, 0, {"product_id": {{1 + i}}, "product_uom_qty": 2}]]}""")]));
        var ids = (await Task.WhenAll(creates)).Select(id => (int)id!).ToList();

        Assert.Equal(30, ids.Distinct().Count());
        var names = (await clients[0].ExecuteKwAsync("sale.order", "search_read", [new JsonArray()], Json.Object("""{"fields": ["name"]}""")))!
            .AsArray().Select(r => (string)r!["name"]!).ToList();
        Assert.Equal(30, names.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 30).Select(n => $"S{n:D5}").Order(), names.Order());
        Assert.Equal(30, await ScalarAsync(connectionString, "SELECT count(*) FROM sale_order_line"));
        Assert.Equal(200, await ScalarAsync(connectionString, "SELECT count(*) FROM product_product"));
        Assert.Equal(50, await ScalarAsync(connectionString, "SELECT count(*) FROM res_partner"));
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> SnapshotAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT id || '|' || name || '|' || default_code || '|' || barcode || '|' || list_price FROM product_product
            UNION ALL SELECT 'partner ' || id || '|' || name || '|' || email FROM res_partner
            UNION ALL SELECT 'user ' || id || '|' || login FROM res_users
            ORDER BY 1
            """, connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
