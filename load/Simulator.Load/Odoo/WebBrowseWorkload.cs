namespace Simulator.Load.Odoo;

/// <summary>
/// A browser user looking at customers' orders in Odoo's web client: the pages <see cref="PortalBrowseWorkload"/>
/// reads, but through a web session — logged in through <c>/web/session/authenticate</c>, every call through
/// <c>/web/dataset/call_kw</c> with the <c>session_id</c> cookie — so it feels what the session store does to browser
/// users. Once, before the run: log in and fetch the customers. Per iteration: if the session was lost,
/// <c>web.login</c> (a new session), then <c>web.list</c>, <c>web.read</c>, <c>web.lines</c> as portal-browse's
/// operations. A call Odoo answers "Odoo Session Expired" fails the iteration with the error kind
/// <c>session-expired</c> (<see cref="WebSessionExpiredException"/>) and the next iteration logs in again; a login
/// that fails (the session store down) fails its iteration with Odoo's error.
/// </summary>
public sealed class WebBrowseWorkload : IWorkload
{
    /// <summary>The workload's conventional name in scenarios and reports.</summary>
    public const string DefaultName = "web-browse";

    private readonly WebSessionClient _web;
    private readonly OdooCredentials _credentials;
    private readonly PortalBrowseOptions _options;
    private int[] _customers = [];

    /// <summary>Creates the workload.</summary>
    /// <param name="client">The client of the region's Odoo (its base URL, HTTP client and timeouts).</param>
    /// <param name="credentials">The user the browser logs in as.</param>
    /// <param name="options">Which customers and pages are browsed (portal-browse's settings); defaults when null.</param>
    /// <exception cref="ArgumentException">The options are invalid.</exception>
    public WebBrowseWorkload(OdooClient client, OdooCredentials credentials, PortalBrowseOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(credentials);
        _web = new WebSessionClient(client);
        _credentials = credentials;
        options ??= new PortalBrowseOptions();
        _options = WorkloadOptions.Checked(options, options.Validate());
    }

    /// <summary>The workload's settings.</summary>
    public PortalBrowseOptions Options => _options;

    /// <summary>The customers whose orders are browsed (empty before <see cref="InitializeAsync"/>).</summary>
    public IReadOnlyList<int> CustomerIds => _customers;

    /// <summary>The web session in use, or null while logged out.</summary>
    public string? SessionId => _web.SessionId;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _web.EnsureSessionAsync(_credentials, null, cancellationToken).ConfigureAwait(false);
        _customers = await _web.SearchIdsAsync("res.partner", [], _options.CustomerLimit, cancellationToken).ConfigureAwait(false);
        if (_customers.Length == 0)
        {
            throw new InvalidOperationException($"Odoo at {_credentials.Database} lists no res.partner to browse as.");
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

        if (_web.SessionId is null)
        {
            await context.TimeAsync("web.login", token => _web.EnsureSessionAsync(_credentials, context, token), cancellationToken).ConfigureAwait(false);
        }

        await PortalPages.BrowseAsync(_web, context, _customers, _options, "web", cancellationToken).ConfigureAwait(false);
    }
}
