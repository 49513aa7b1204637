using System.Collections.Concurrent;
using System.Text.Json;
using Simulator.Load.Measurement;

namespace Simulator.Load.Odoo;

/// <summary>
/// A warehouse worker with a barcode scanner, picking deliveries of one warehouse. Once, before the run: log in, find
/// the warehouse and its delivery operation type, learn the products' barcodes, and prepare the backlog (orders
/// created and confirmed in the warehouse). Per iteration, on one delivery that is ready (<c>assigned</c>):
/// <list type="number">
/// <item><c>scan.open</c>: take the oldest ready delivery no other user of this workload holds (<c>stock.picking</c>
/// <c>search_read</c>), then read its move lines (<c>stock.move.line</c> <c>read</c>: product, reserved quantity);</item>
/// <item>per line, <c>scan.lookup</c>: scan the product's barcode (<c>product.product</c> <c>search_read</c> on
/// <c>barcode</c>, a read) and check it is the line's product;</item>
/// <item>per line, <c>scan.update</c>: set the line's <c>quantity</c> and <c>picked</c> (<c>stock.move.line</c>
/// <c>write</c>);</item>
/// <item><c>scan.validate</c>: <c>button_validate</c> the delivery — the stock leaves the quants, so validations
/// and reservations of popular products collide on the same quant rows.</item>
/// </list>
/// Nothing goes into the ledger (it holds orders); <see cref="ValidatedPickingIds"/> lists what was validated.
/// </summary>
public sealed class WarehouseScanWorkload : IWorkload
{
    /// <summary>The workload's conventional name in scenarios and reports.</summary>
    public const string DefaultName = "warehouse-scan";

    /// <summary>How many ready deliveries one look at the queue fetches, so concurrent users find one they can take.</summary>
    internal const int QueueWindow = 16;

    // The backlog's orders are drawn from a fixed seed: the same backlog every run.
    private const int BacklogSeed = 1;

    private static readonly string[] QueueFields = ["name", "move_line_ids"];
    private static readonly string[] LineFields = ["product_id", "quantity"];
    private static readonly string[] IdField = ["id"];
    private static readonly string[] WarehouseFields = ["code"];
    private static readonly string[] BarcodeFields = ["barcode"];

    private readonly OdooClient _client;
    private readonly OdooCredentials _credentials;
    private readonly WarehouseScanOptions _options;
    private readonly ConcurrentDictionary<int, byte> _claimed = new();
    private readonly ConcurrentDictionary<int, byte> _validated = new();
    private Dictionary<int, string> _barcodes = [];
    private int _warehouseId;
    private int _pickingTypeId;
    private string _warehouseCode = "";

    /// <summary>Creates the workload.</summary>
    /// <param name="client">The client of the region's Odoo.</param>
    /// <param name="credentials">The login used when the client is not logged in yet.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public WarehouseScanWorkload(OdooClient client, OdooCredentials credentials, WarehouseScanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(credentials);
        _client = client;
        _credentials = credentials;
        options ??= new WarehouseScanOptions();
        _options = WorkloadOptions.Checked(options, options.Validate());
    }

    /// <summary>The workload's settings.</summary>
    public WarehouseScanOptions Options => _options;

    /// <summary>The scanned warehouse's id (0 before <see cref="InitializeAsync"/>).</summary>
    public int WarehouseId => _warehouseId;

    /// <summary>The id of the warehouse's delivery operation type (0 before <see cref="InitializeAsync"/>).</summary>
    public int PickingTypeId => _pickingTypeId;

    /// <summary>The deliveries this workload validated (Odoo answered <c>true</c> to <c>button_validate</c>).</summary>
    public IReadOnlyCollection<int> ValidatedPickingIds => [.. _validated.Keys];

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _client.EnsureLoggedInAsync(_credentials, cancellationToken).ConfigureAwait(false);
        object?[] byCode = _options.WarehouseCode is { } code ? [new object?[] { "code", "=", code }] : [];
        var warehouses = await _client.SearchReadAsync("stock.warehouse", byCode, WarehouseFields, null, cancellationToken, limit: 1, order: "id")
            .ConfigureAwait(false);
        var warehouse = OdooRecords.Rows(warehouses).FirstOrDefault();
        _warehouseId = warehouse.ValueKind == JsonValueKind.Object && OdooRecords.Int(warehouse, "id") is { } id
            ? id
            : throw new InvalidOperationException($"Odoo at {_client.Endpoint} has no warehouse{(_options.WarehouseCode is { } c ? " " + c : "")} to scan in.");
        _warehouseCode = OdooRecords.Text(warehouse, "code") ?? _warehouseId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var types = await _client.SearchIdsAsync(
            "stock.picking.type", [new object?[] { "warehouse_id", "=", _warehouseId }, new object?[] { "code", "=", "outgoing" }], 1, cancellationToken)
            .ConfigureAwait(false);
        _pickingTypeId = types.Length == 1
            ? types[0]
            : throw new InvalidOperationException($"Odoo at {_client.Endpoint}: warehouse {_warehouseCode} has no delivery operation type.");

        var products = await _client.SearchReadAsync("product.product", [new object?[] { "barcode", "!=", false }], BarcodeFields, null, cancellationToken)
            .ConfigureAwait(false);
        _barcodes = OdooRecords.Rows(products)
            .Select(row => (Id: OdooRecords.Int(row, "id"), Barcode: OdooRecords.Text(row, "barcode")))
            .Where(p => p.Id is not null && !string.IsNullOrEmpty(p.Barcode))
            .ToDictionary(p => p.Id!.Value, p => p.Barcode!);
        if (_barcodes.Count == 0)
        {
            throw new InvalidOperationException($"Odoo at {_client.Endpoint} lists no product.product with a barcode to scan.");
        }

        await PrepareBacklogAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(IterationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_pickingTypeId == 0)
        {
            throw new InvalidOperationException("InitializeAsync has not run.");
        }

        var (pickingId, lineIds) = await context.TimeAsync("scan.open", token => ClaimNextAsync(context, token), cancellationToken).ConfigureAwait(false);
        try
        {
            var lines = await context.TimeAsync(
                "scan.open", token => _client.ReadAsync("stock.move.line", lineIds, LineFields, context, token), cancellationToken).ConfigureAwait(false);
            foreach (var line in OdooRecords.Rows(lines))
            {
                await PickAsync(context, pickingId, line, cancellationToken).ConfigureAwait(false);
            }

            var validated = await context.TimeAsync(
                "scan.validate",
                token => _client.ExecuteKwAsync("stock.picking", "button_validate", [new[] { pickingId }], null, context, token),
                cancellationToken).ConfigureAwait(false);
            if (validated.ValueKind != JsonValueKind.True)
            {
                // Odoo answers with the backorder wizard when what is picked falls short of the demand.
                throw new WorkloadException("not-validated", false, $"stock.picking {pickingId}: button_validate answered {Describe(validated)}, not true");
            }

            _validated.TryAdd(pickingId, 0);
        }
        finally
        {
            _claimed.TryRemove(pickingId, out _);
        }
    }

    private async Task PickAsync(IterationContext context, int pickingId, JsonElement line, CancellationToken cancellationToken)
    {
        int lineId = OdooRecords.Int(line, "id") ?? throw new OdooTransportException("bad-response", false, $"stock.picking {pickingId}: a move line without id");
        int productId = OdooRecords.Many2one(line, "product_id")
            ?? throw new OdooTransportException("bad-response", false, $"stock.move.line {lineId} has no product");
        decimal quantity = OdooRecords.Number(line, "quantity") ?? 0;
        if (!_barcodes.TryGetValue(productId, out var barcode))
        {
            throw new WorkloadException("no-barcode", false, $"stock.move.line {lineId}: product {productId} has no barcode to scan");
        }

        var found = await context.TimeAsync(
            "scan.lookup",
            token => _client.SearchReadAsync("product.product", [new object?[] { "barcode", "=", barcode }], IdField, context, token, limit: 1),
            cancellationToken).ConfigureAwait(false);
        if (OdooRecords.Ids(found) is not [var scanned] || scanned != productId)
        {
            throw new WorkloadException("barcode-mismatch", false, $"barcode {barcode} did not find product {productId} (got {found.GetRawText()})");
        }

        var values = new Dictionary<string, object?> { ["quantity"] = quantity, ["picked"] = true };
        await context.TimeAsync(
            "scan.update",
            token => _client.ExecuteKwAsync("stock.move.line", "write", [new[] { lineId }, values], null, context, token),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Takes the oldest ready delivery that no other user of this workload holds, with its move line ids.</summary>
    private async Task<(int PickingId, int[] LineIds)> ClaimNextAsync(IterationContext context, CancellationToken cancellationToken)
    {
        var domain = new List<object?>
        {
            new object?[] { "picking_type_id", "=", _pickingTypeId },
            new object?[] { "state", "=", "assigned" },
        };
        int[] held = [.. _claimed.Keys];
        if (held.Length > 0)
        {
            domain.Add(new object?[] { "id", "not in", held });
        }

        var ready = await _client.SearchReadAsync("stock.picking", domain, QueueFields, context, cancellationToken, limit: QueueWindow, order: "id")
            .ConfigureAwait(false);
        foreach (var row in OdooRecords.Rows(ready))
        {
            // A replica may still list a delivery this workload has just validated.
            if (OdooRecords.Int(row, "id") is { } id && !_validated.ContainsKey(id) && _claimed.TryAdd(id, 0))
            {
                return (id, OdooRecords.IdList(row, "move_line_ids"));
            }
        }

        throw new WorkloadException("no-picking", false, $"no delivery of warehouse {_warehouseCode} is ready to scan");
    }

    private async Task PrepareBacklogAsync(CancellationToken cancellationToken)
    {
        if (_options.Backlog == 0)
        {
            return;
        }

        var products = await _client.SearchIdsAsync("product.product", [], _options.ProductLimit, cancellationToken).ConfigureAwait(false);
        var customers = await _client.SearchIdsAsync("res.partner", [], 1, cancellationToken).ConfigureAwait(false);
        if (products.Length == 0 || customers.Length == 0)
        {
            throw new InvalidOperationException($"Odoo at {_client.Endpoint} lists no product or customer to prepare the backlog with.");
        }

        var random = new Random(BacklogSeed);
        for (int i = 0; i < _options.Backlog; i++)
        {
            var (values, _) = SaleOrderDraft.Draw(random, products, customers, _options.MinLines, _options.MaxLines, _options.MaxQuantity, _warehouseId);
            var created = await _client.ExecuteKwAsync("sale.order", "create", [values], null, cancellationToken).ConfigureAwait(false);
            int[] order = [OdooRecords.CreatedId(created, "sale.order")];
            await _client.ExecuteKwAsync("sale.order", "action_confirm", [order], null, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(JsonElement answer) =>
        answer.ValueKind == JsonValueKind.Object && OdooRecords.Text(answer, "res_model") is { } wizard ? $"the {wizard} wizard" : answer.GetRawText();
}
