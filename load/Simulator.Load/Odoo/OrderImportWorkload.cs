using System.Globalization;
using System.Text;

namespace Simulator.Load.Odoo;

/// <summary>
/// Imports sales orders the way an EDI integration does. Once, before the run: log in, fetch product ids and
/// customers (<c>search_read</c>, fields <c>["id"]</c>). Per iteration: create a <c>sale.order</c> with N lines
/// <c>[0, 0, {product_id, product_uom_qty}]</c> for a customer (N, products, quantities and customer drawn from the
/// iteration's seeded random source), <c>action_confirm</c> it, <c>read</c> its <c>name</c> and put that name in the
/// ledger as the acknowledged write (with <see cref="OrderAcknowledgement.Commit"/> the name is read before confirming,
/// and the order acknowledged when the confirmation returns), with the server and timeline that committed the
/// confirmation when the server names them (<see cref="OdooClient.DbOriginHeader"/>), then attach the source document (the lines as CSV, an <c>ir.attachment</c>).
/// Operations: <c>import.create</c>, <c>import.confirm</c>, <c>import.read</c>, <c>import.attach</c>; their JSON-RPC
/// body bytes count in the workload's <c>bytesSent</c>/<c>bytesReceived</c>.
/// </summary>
/// <remarks>
/// The name is read right after the confirmation; where Odoo reads from a replica the read waits for replication
/// (see <see cref="OdooCalls.ReadAfterWriteAsync"/>). The order is ledgered before the attachment is sent: it is
/// confirmed by then, so a failed attachment fails the iteration but does not hide an acknowledged order.
/// </remarks>
public sealed class OrderImportWorkload : IWorkload
{
    /// <summary>The workload's conventional name in scenarios and reports.</summary>
    public const string DefaultName = "order-import";

    internal const int ReadTries = 20;
    internal static readonly TimeSpan ReadPause = TimeSpan.FromMilliseconds(50);

    private static readonly string[] NameField = ["name"];

    private readonly OdooClient _client;
    private readonly OdooCredentials _credentials;
    private readonly OrderImportOptions _options;
    private int[] _products = [];
    private int[] _customers = [];

    /// <summary>Creates the workload.</summary>
    /// <param name="client">The client of the region's Odoo.</param>
    /// <param name="credentials">The login used when the client is not logged in yet.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public OrderImportWorkload(OdooClient client, OdooCredentials credentials, OrderImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(credentials);
        _client = client;
        _credentials = credentials;
        options ??= new OrderImportOptions();
        _options = WorkloadOptions.Checked(options, options.Validate());
    }

    /// <summary>The workload's settings.</summary>
    public OrderImportOptions Options => _options;

    /// <summary>The product ids lines are drawn from (empty before <see cref="InitializeAsync"/>).</summary>
    public IReadOnlyList<int> ProductIds => _products;

    /// <summary>The customer ids orders are drawn for (empty before <see cref="InitializeAsync"/>).</summary>
    public IReadOnlyList<int> CustomerIds => _customers;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _client.EnsureLoggedInAsync(_credentials, cancellationToken).ConfigureAwait(false);
        _products = await _client.SearchIdsAsync("product.product", [], _options.ProductLimit, cancellationToken).ConfigureAwait(false);
        if (_products.Length == 0)
        {
            throw new InvalidOperationException($"Odoo at {_client.Endpoint} lists no product.product to order.");
        }

        _customers = _options.PartnerId is { } partner
            ? [partner]
            : await _client.SearchIdsAsync("res.partner", [], _options.CustomerLimit, cancellationToken).ConfigureAwait(false);
        if (_customers.Length == 0)
        {
            throw new InvalidOperationException($"Odoo at {_client.Endpoint} lists no res.partner to order for.");
        }
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(IterationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_products.Length == 0)
        {
            throw new InvalidOperationException("InitializeAsync has not run.");
        }

        var (values, lines) = SaleOrderDraft.Draw(context.Random, _products, _customers, _options.MinLines, _options.MaxLines, _options.MaxQuantity);
        var created = await context.TimeAsync(
            "import.create", token => _client.ExecuteKwAsync("sale.order", "create", [values], null, context, token), cancellationToken).ConfigureAwait(false);
        int orderId = OdooRecords.CreatedId(created, "sale.order");
        int[] ids = [orderId];

        string name;
        string? origin;
        TimeSpan confirmSent;
        if (_options.Acknowledge == OrderAcknowledgement.Commit)
        {
            // The name first (the draft's, which the confirmation keeps), so the order is ledgered on the commit itself.
            name = await ReadNameAsync(orderId, ids, context, cancellationToken).ConfigureAwait(false);
            confirmSent = context.Elapsed;
            origin = await ConfirmAsync(ids, context, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            confirmSent = context.Elapsed;
            origin = await ConfirmAsync(ids, context, cancellationToken).ConfigureAwait(false);
            // The order is confirmed by now: if its name cannot be read back the write happened but cannot be ledgered.
            name = await ReadNameAsync(orderId, ids, context, cancellationToken).ConfigureAwait(false);
        }

        context.Acknowledge(name, origin, confirmSent);

        if (_options.AttachSourceDocument)
        {
            var attachment = SourceDocument(name, orderId, lines);
            await context.TimeAsync(
                "import.attach", token => _client.ExecuteKwAsync("ir.attachment", "create", [attachment], null, context, token), cancellationToken)
                .ConfigureAwait(false);
        }
    }

    /// <summary><c>action_confirm</c>; returns which server and timeline committed it, when the server says.</summary>
    private async Task<string?> ConfirmAsync(int[] ids, IterationContext context, CancellationToken cancellationToken)
    {
        var (_, origin) = await context.TimeAsync(
            "import.confirm", token => _client.ExecuteKwWithOriginAsync("sale.order", "action_confirm", [ids], context, token), cancellationToken)
            .ConfigureAwait(false);
        return origin;
    }

    /// <summary>The order's name, read back (from a replica where Odoo reads from one, waiting for it to catch up).</summary>
    private async Task<string> ReadNameAsync(int orderId, int[] ids, IterationContext context, CancellationToken cancellationToken)
    {
        var read = await context.TimeAsync(
            "import.read",
            token => _client.ReadAfterWriteAsync("sale.order", ids, NameField, ReadTries, ReadPause, context, token),
            cancellationToken).ConfigureAwait(false);
        return OdooRecords.Rows(read).Select(row => OdooRecords.Text(row, "name")).FirstOrDefault()
            ?? throw new OdooTransportException("bad-response", true, $"sale.order.read gave no name for order {orderId}");
    }

    /// <summary>The imported file, as Odoo keeps it: an attachment of the order holding its lines as CSV.</summary>
    private static Dictionary<string, object?> SourceDocument(string orderName, int orderId, IReadOnlyList<(int Product, int Quantity)> lines)
    {
        var csv = new StringBuilder();
        csv.Append(CultureInfo.InvariantCulture, $"order,{orderName}\nproduct_id,quantity\n");
        foreach (var (product, quantity) in lines)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{product},{quantity}\n");
        }

        return new Dictionary<string, object?>
        {
            ["name"] = orderName.Replace('/', '_') + ".csv",
            ["res_model"] = "sale.order",
            ["res_id"] = orderId,
            ["mimetype"] = "text/csv",
            ["datas"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(csv.ToString())),
        };
    }
}
