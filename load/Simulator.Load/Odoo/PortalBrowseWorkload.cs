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

        await PortalPages.BrowseAsync(_client, context, _customers, _options, "portal", cancellationToken).ConfigureAwait(false);
    }
}
