using System.Text.Json;

namespace Simulator.Load.Odoo;

/// <summary>
/// Imports sales orders the way an integration does. Once, before the run: log in, fetch product ids
/// (<c>product.product</c> <c>search_read</c>, fields <c>["id"]</c>) and a customer. Per iteration: create a
/// <c>sale.order</c> with N lines <c>[0, 0, {product_id, product_uom_qty}]</c> (N, products and quantities drawn from
/// the iteration's seeded random source), <c>action_confirm</c> it, <c>read</c> its <c>name</c>, and put that name in
/// the ledger as the acknowledged write. Operations: <c>import.create</c>, <c>import.confirm</c>, <c>import.read</c>;
/// their JSON-RPC body bytes count in the workload's <c>bytesSent</c>/<c>bytesReceived</c>.
/// </summary>
public sealed class OrderImportWorkload : IWorkload
{
    /// <summary>The workload's conventional name in scenarios and reports.</summary>
    public const string DefaultName = "order-import";

    private static readonly string[] IdField = ["id"];
    private static readonly string[] NameField = ["name"];

    private readonly OdooClient _client;
    private readonly OdooCredentials _credentials;
    private readonly OrderImportOptions _options;
    private int[] _products = [];
    private int _partner;

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
        _options = options ?? new OrderImportOptions();
        var errors = _options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(options));
        }
    }

    /// <summary>The product ids lines are drawn from (empty before <see cref="InitializeAsync"/>).</summary>
    public IReadOnlyList<int> ProductIds => _products;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (_client.UserId is null)
        {
            await _client.AuthenticateAsync(_credentials.Database, _credentials.Login, _credentials.Password, cancellationToken).ConfigureAwait(false);
        }

        _products = await IdsAsync("product.product", _options.ProductLimit, cancellationToken).ConfigureAwait(false);
        if (_products.Length == 0)
        {
            throw new InvalidOperationException($"Odoo at {_client.Endpoint} lists no product.product to order.");
        }

        if (_options.PartnerId is { } partner)
        {
            _partner = partner;
        }
        else
        {
            var partners = await IdsAsync("res.partner", 1, cancellationToken).ConfigureAwait(false);
            _partner = partners.Length > 0
                ? partners[0]
                : throw new InvalidOperationException($"Odoo at {_client.Endpoint} lists no res.partner to order for.");
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

        var random = context.Random;
        int lineCount = random.Next(_options.MinLines, _options.MaxLines + 1);
        var lines = new List<object?>(lineCount);
        for (int i = 0; i < lineCount; i++)
        {
            lines.Add(new object?[]
            {
                0,
                0,
                new Dictionary<string, object?>
                {
                    ["product_id"] = _products[random.Next(_products.Length)],
                    ["product_uom_qty"] = random.Next(1, _options.MaxQuantity + 1),
                },
            });
        }

        var values = new Dictionary<string, object?> { ["partner_id"] = _partner, ["order_line"] = lines };
        var created = await context.TimeAsync(
            "import.create", token => _client.ExecuteKwAsync("sale.order", "create", [values], null, context, token), cancellationToken).ConfigureAwait(false);
        int orderId = CreatedId(created);
        int[] ids = [orderId];

        await context.TimeAsync(
            "import.confirm", token => _client.ExecuteKwAsync("sale.order", "action_confirm", [ids], null, context, token), cancellationToken).ConfigureAwait(false);

        var read = await context.TimeAsync(
            "import.read",
            token => _client.ExecuteKwAsync("sale.order", "read", [ids], new Dictionary<string, object?> { ["fields"] = NameField }, context, token),
            cancellationToken).ConfigureAwait(false);

        // The order is confirmed by now: if its name cannot be read back the write happened but cannot be ledgered.
        string name = NameOf(read)
            ?? throw new OdooTransportException("bad-response", true, $"sale.order.read gave no name for order {orderId}");
        context.Acknowledge(name);
    }

    private static int CreatedId(JsonElement created)
    {
        if (created.ValueKind == JsonValueKind.Number && created.TryGetInt32(out int id))
        {
            return id;
        }

        if (created.ValueKind == JsonValueKind.Array && created.GetArrayLength() == 1 && created[0].TryGetInt32(out id))
        {
            return id;
        }

        // Created but with an id we cannot use: the write may stand, so the outcome is unknown.
        throw new OdooTransportException("bad-response", true, $"sale.order.create returned {created.GetRawText()}, not an id");
    }

    private static string? NameOf(JsonElement read)
        => read.ValueKind == JsonValueKind.Array && read.GetArrayLength() > 0
            && read[0].ValueKind == JsonValueKind.Object
            && read[0].TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;

    private async Task<int[]> IdsAsync(string model, int limit, CancellationToken cancellationToken)
    {
        var rows = await _client.ExecuteKwAsync(
            model,
            "search_read",
            [Array.Empty<object>()],
            new Dictionary<string, object?> { ["fields"] = IdField, ["limit"] = limit },
            cancellationToken).ConfigureAwait(false);
        return rows.ValueKind == JsonValueKind.Array
            ? [.. rows.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number).Select(r => r.GetProperty("id").GetInt32())]
            : [];
    }
}
