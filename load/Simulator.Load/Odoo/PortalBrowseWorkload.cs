namespace Simulator.Load.Odoo;

/// <summary>
/// Customers looking at their orders in the portal: read-only, so where Odoo sends reads to a replica
/// (<c>db_replica_host</c>) this load never touches the primary. Once, before the run: log in and fetch the customers.
/// Per iteration, for a customer and a page drawn from the iteration's seeded random source:
/// <c>portal.list</c> (<c>sale.order</c> <c>search_read</c> of the customer's confirmed orders, newest first, one page),
/// then for one order of the page <c>portal.read</c> (<c>sale.order</c> <c>read</c>) and <c>portal.lines</c>
/// (<c>sale.order.line</c> <c>read</c> of its lines). An empty page ends the iteration after the list.
/// </summary>
public sealed class PortalBrowseWorkload : IWorkload
{
    /// <summary>The workload's conventional name in scenarios and reports.</summary>
    public const string DefaultName = "portal-browse";

    private static readonly string[] ListFields = ["name", "date_order", "amount_total", "state"];
    private static readonly string[] OrderFields = ["name", "partner_id", "date_order", "state", "amount_total", "order_line", "picking_ids"];
    private static readonly string[] LineFields = ["product_id", "name", "product_uom_qty", "price_unit", "price_subtotal"];

    private readonly OdooClient _client;
    private readonly OdooCredentials _credentials;
    private readonly PortalBrowseOptions _options;
    private int[] _customers = [];

    /// <summary>Creates the workload.</summary>
    /// <param name="client">The client of the region's Odoo.</param>
    /// <param name="credentials">The login used when the client is not logged in yet.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public PortalBrowseWorkload(OdooClient client, OdooCredentials credentials, PortalBrowseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(credentials);
        _client = client;
        _credentials = credentials;
        options ??= new PortalBrowseOptions();
        _options = WorkloadOptions.Checked(options, options.Validate());
    }

    /// <summary>The workload's settings.</summary>
    public PortalBrowseOptions Options => _options;

    /// <summary>The customers who browse (empty before <see cref="InitializeAsync"/>).</summary>
    public IReadOnlyList<int> CustomerIds => _customers;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _client.EnsureLoggedInAsync(_credentials, cancellationToken).ConfigureAwait(false);
        _customers = await _client.SearchIdsAsync("res.partner", [], _options.CustomerLimit, cancellationToken).ConfigureAwait(false);
        if (_customers.Length == 0)
        {
            throw new InvalidOperationException($"Odoo at {_client.Endpoint} lists no res.partner to browse as.");
        }
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(IterationContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_customers.Length == 0)
        {
            throw new InvalidOperationException("InitializeAsync has not run.");
        }

        var random = context.Random;
        int customer = _customers[random.Next(_customers.Length)];
        int page = random.Next(_options.Pages);
        object?[] domain = [new object?[] { "partner_id", "=", customer }, new object?[] { "state", "=", "sale" }];
        var list = await context.TimeAsync(
            "portal.list",
            token => _client.SearchReadAsync(
                "sale.order", domain, ListFields, context, token, limit: _options.PageSize, offset: page * _options.PageSize, order: "date_order desc, id desc"),
            cancellationToken).ConfigureAwait(false);
        int[] orders = OdooRecords.Ids(list);
        if (orders.Length == 0)
        {
            return;
        }

        int[] chosen = [orders[random.Next(orders.Length)]];
        var order = await context.TimeAsync(
            "portal.read", token => _client.ReadAsync("sale.order", chosen, OrderFields, context, token), cancellationToken).ConfigureAwait(false);
        int[] lines = OdooRecords.Rows(order).Select(row => OdooRecords.IdList(row, "order_line")).FirstOrDefault() ?? [];
        if (lines.Length > 0)
        {
            await context.TimeAsync(
                "portal.lines", token => _client.ReadAsync("sale.order.line", lines, LineFields, context, token), cancellationToken).ConfigureAwait(false);
        }
    }
}
