using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Simulator.Load;
using Simulator.Load.Ledger;
using Simulator.Load.Odoo;
using Simulator.Load.Scheduling;
using Simulator.OdooEmulator.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Simulator.OdooEmulator.Tests.Workloads;

/// <summary>
/// The three Odoo workloads of <c>load/</c> — order import (with source documents in a real s3rver), warehouse
/// scanning and portal browsing — run at once through the project's load engine against two emulator nodes on one
/// PostgreSQL database, on a small product pool so reservations and deliveries collide on the same quants. Then the
/// database itself is checked: every acknowledged order with its lines, delivery and attachment; every quant equal to
/// the seeded stock minus what validated deliveries took, its reservation equal to what open deliveries hold; nothing
/// negative.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ConcurrentWorkloadsConsistencyTests(PostgresFixture postgres, ITestOutputHelper output)
{
    private const int StockPerProduct = 400;
    private const string Bucket = "odoo-attachments";
    private static readonly string[] ConcurrencyFailures = ["psycopg2.errors.SerializationFailure", "psycopg2.errors.DeadlockDetected"];

    [Fact]
    public async Task Import_scan_and_browse_at_once_leave_orders_stock_and_attachments_consistent()
    {
        await using var s3 = await S3rverServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("workloads");
        var settings = new Dictionary<string, string?>
        {
            ["Odoo:Seed:Products"] = "40",
            ["Odoo:Seed:Partners"] = "10",
            ["Odoo:Seed:StockPerProduct"] = StockPerProduct.ToString(CultureInfo.InvariantCulture),
            // A little Python time between reads and writes widens the windows in which calls collide.
            ["Odoo:CallCostMs"] = "5",
            ["Odoo:Retry:MaxTries"] = "10",
            ["Odoo:S3:Endpoint"] = s3.Endpoint,
            ["Odoo:S3:AccessKey"] = S3rverServer.AccessKey,
            ["Odoo:S3:SecretKey"] = S3rverServer.SecretKey,
        };
        await using var node1 = new EmulatorFactory(database, settings);
        await using var node2 = new EmulatorFactory(database, settings);
        var urls = new[] { node1.StartListening(), node2.StartListening() };
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var credentials = new OdooCredentials(EmulatorFactory.Database, EmulatorFactory.Login, EmulatorFactory.Password);
        OdooClient Client(int node) => new(http, urls[node], TimeProvider.System);

        var import = new OrderImportWorkload(Client(0), credentials, new OrderImportOptions { MinLines = 1, MaxLines = 4, MaxQuantity = 5, ProductLimit = 10, CustomerLimit = 3 });
        var scan = new WarehouseScanWorkload(Client(1), credentials, new WarehouseScanOptions { WarehouseCode = "EU", Backlog = 50, ProductLimit = 10, MaxQuantity = 5 });
        var browse = new PortalBrowseWorkload(Client(1), credentials, new PortalBrowseOptions { CustomerLimit = 3, PageSize = 10, Pages = 2 });
        var plan = new LoadPlan(TimeSpan.FromSeconds(12),
        [
            new WorkloadPlan(OrderImportWorkload.DefaultName, "eu", new ConstantRate(6)),
            new WorkloadPlan(WarehouseScanWorkload.DefaultName, "eu", new ConstantRate(4)),
            new WorkloadPlan(PortalBrowseWorkload.DefaultName, "eu", new ConstantRate(4)),
        ]) { Seed = 11 };
        var ledgerPath = Path.Combine(Path.GetTempPath(), $"sim-ledger-{Guid.NewGuid():N}.jsonl");
        LoadRunResult result;
        using (var ledger = LedgerWriter.Open(ledgerPath))
        {
            result = await LoadRun.RunAsync(plan, [import, scan, browse], new LoadRunOptions { Ledger = ledger }, TimeProvider.System, CancellationToken.None);
        }

        var acknowledged = await LedgerFile.ReadAsync(ledgerPath, CancellationToken.None);
        File.Delete(ledgerPath);
        foreach (var w in result.Workloads)
        {
            output.WriteLine($"{w.Name}: ok {w.Ok}, failed {w.Failed}, unknown {w.Unknown}, dropped {w.Dropped}, errors {string.Join(", ", w.ErrorKinds)}");
        }

        long retries = node1.Metrics.Retries + node2.Metrics.Retries;
        output.WriteLine($"serialization retries: {retries}");
        // Contention is real: calls collided and were retried. A call whose every try collided fails as Odoo's does
        // (serialization failure or deadlock); nothing else may fail, and no outcome may be unknown. The backlog
        // alone covers the scanners' whole run, so they never find the queue empty.
        Assert.True(retries > 0, "no call collided on a quant: the test no longer creates contention");
        Assert.All(result.Workloads, w => Assert.Equal(0L, w.Unknown));
        Assert.All(result.Workloads, w => Assert.All(w.ErrorKinds.Keys, kind => Assert.Contains(kind, ConcurrencyFailures)));
        Assert.All(result.Workloads, w => Assert.True(w.Ok >= 0.8 * w.Started && w.Ok >= 20, $"{w.Name}: only {w.Ok} of {w.Started} iterations OK"));
        Assert.Equal(result.Workloads[0].Ok, acknowledged.Count);

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await AssertOrdersAsync(connection, s3, [.. acknowledged.Select(e => e.Id)]);
        await AssertDeliveriesAsync(connection, scan.ValidatedPickingIds);
        await AssertStockAsync(connection);
    }

    /// <summary>Every acknowledged order: confirmed, with lines, one delivery, and its source document in the bucket.</summary>
    private static async Task AssertOrdersAsync(NpgsqlConnection connection, S3rverServer s3, string[] names)
    {
        var found = await RowsAsync(connection, """
            SELECT o.name, o.state, (SELECT count(*) FROM sale_order_line l WHERE l.order_id = o.id),
                   (SELECT count(*) FROM stock_picking p WHERE p.sale_id = o.id AND p.origin = o.name),
                   a.store_fname, a.checksum
            FROM sale_order o LEFT JOIN ir_attachment a ON a.res_model = 'sale.order' AND a.res_id = o.id
            WHERE o.name = ANY(@names)
            """, ("names", names));
        Assert.Equal(names.Order(), found.Select(r => (string)r[0]).Order());
        using var http = new HttpClient();
        foreach (var row in found)
        {
            Assert.Equal(("sale", true, 1L), ((string)row[1], (long)row[2] >= 1, (long)row[3]));
            var content = await http.GetByteArrayAsync(new Uri($"{s3.Endpoint}/{Bucket}/{(string)row[4]}"));
#pragma warning disable CA5350 // Odoo's content address, not security.
            Assert.Equal((string)row[5], Convert.ToHexStringLower(SHA1.HashData(content)));
#pragma warning restore CA5350
            Assert.StartsWith($"order,{(string)row[0]}\n", Encoding.UTF8.GetString(content), StringComparison.Ordinal);
        }
    }

    /// <summary>Exactly the deliveries the scanners validated are done, each moved in full.</summary>
    private static async Task AssertDeliveriesAsync(NpgsqlConnection connection, IReadOnlyCollection<int> validated)
    {
        Assert.NotEmpty(validated);
        var done = await RowsAsync(connection, "SELECT id FROM stock_picking WHERE state = 'done'");
        Assert.Equal(validated.Order(), done.Select(r => (int)r[0]).Order());
        var shortMoves = await RowsAsync(connection, """
            SELECT m.id FROM stock_move m JOIN stock_picking p ON p.id = m.picking_id
            WHERE p.state = 'done' AND (m.state <> 'done' OR m.quantity <> m.product_uom_qty OR NOT m.picked
                  OR m.quantity <> (SELECT coalesce(sum(l.quantity), 0) FROM stock_move_line l WHERE l.move_id = m.id AND l.picked))
            """);
        Assert.Empty(shortMoves);
    }

    /// <summary>Per product in EU/Stock: on hand = seeded − done; reserved = held by open deliveries; nothing negative.</summary>
    private static async Task AssertStockAsync(NpgsqlConnection connection)
    {
        var quants = await RowsAsync(connection, """
            SELECT q.product_id, q.quantity, q.reserved_quantity,
                   (SELECT coalesce(sum(l.quantity), 0) FROM stock_move_line l JOIN stock_move m ON m.id = l.move_id
                    WHERE l.product_id = q.product_id AND l.location_id = q.location_id AND m.state = 'done'),
                   (SELECT coalesce(sum(l.quantity), 0) FROM stock_move_line l JOIN stock_move m ON m.id = l.move_id
                    WHERE l.product_id = q.product_id AND l.location_id = q.location_id AND m.state NOT IN ('done', 'cancel'))
            FROM stock_quant q JOIN stock_location s ON s.id = q.location_id
            WHERE s.complete_name = 'EU/Stock'
            """);
        Assert.Equal(40, quants.Count);
        Assert.Contains(quants, q => (decimal)q[3] > 0);
        foreach (var q in quants)
        {
            var (product, onHand, reserved, delivered, held) = ((int)q[0], (decimal)q[1], (decimal)q[2], (decimal)q[3], (decimal)q[4]);
            Assert.Equal((product, StockPerProduct - delivered, held), (product, onHand, reserved));
            Assert.True(onHand >= 0 && reserved >= 0 && reserved <= onHand, $"product {product}: on hand {onHand}, reserved {reserved}");
        }
    }

    private static async Task<List<object[]>> RowsAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = new List<object[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }

        return rows;
    }
}
