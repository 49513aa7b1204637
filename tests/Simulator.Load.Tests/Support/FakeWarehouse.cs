using System.Net;
using System.Text.Json;

namespace Simulator.Load.Tests.Support;

/// <summary>
/// Just enough of Odoo's stock flow for the warehouse-scan workload, answering in Odoo's shapes: one warehouse
/// (id 1, code EU) with its delivery type (id 5), three products with barcodes, deliveries with move lines, and
/// <c>sale.order</c> create/confirm adding a ready delivery (for the backlog). Thread-safe behind one lock.
/// </summary>
internal sealed class FakeWarehouse
{
    public static readonly IReadOnlyDictionary<int, string> Barcodes = new Dictionary<int, string>
    {
        [11] = "2000000000114", [12] = "2000000000121", [13] = "2000000000138",
    };

    private readonly Lock _gate = new();
    private int _nextPicking = 100;
    private int _nextLine = 1000;
    private int _nextOrder = 500;

    public Dictionary<int, Picking> Pickings { get; } = [];

    public Dictionary<int, MoveLine> Lines { get; } = [];

    /// <summary>Values of every <c>sale.order.create</c>, by order id.</summary>
    public Dictionary<int, JsonElement> Orders { get; } = [];

    /// <summary>How often each delivery got <c>button_validate</c>.</summary>
    public Dictionary<int, int> Validations { get; } = [];

    /// <summary>Completes when the queue is first looked at: the run's clock has started.</summary>
    public TaskCompletionSource FirstQueueLook { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Replaces the answer to one model method; return null to answer normally.</summary>
    public Func<string, string, JsonElement, CancellationToken, Task<HttpResponseMessage?>>? Override { get; set; }

    /// <summary>Adds a ready delivery with one move line per (product, quantity); returns its id.</summary>
    public int AddDelivery(params (int Product, decimal Quantity)[] lines)
    {
        lock (_gate)
        {
            int id = ++_nextPicking;
            Pickings[id] = new Picking(id, $"EU/OUT/{id:00000}") { State = "assigned" };
            foreach (var (product, quantity) in lines)
            {
                int line = ++_nextLine;
                Lines[line] = new MoveLine(line, id, product, quantity);
                Pickings[id].LineIds.Add(line);
            }

            return id;
        }
    }

    public StubHandler Handler() => new(RespondAsync);

    private async Task<HttpResponseMessage> RespondAsync(JsonElement request, CancellationToken cancellationToken)
    {
        var args = request.GetProperty("params").GetProperty("args");
        if (request.GetProperty("params").GetProperty("service").GetString() == "common")
        {
            return StubHandler.Result(request, 2);
        }

        string model = args[3].GetString()!;
        string method = args[4].GetString()!;
        if (Override is { } custom && await custom(model, method, request, cancellationToken) is { } answer)
        {
            return answer;
        }

        var positional = args[5];
        var kwargs = args.GetArrayLength() > 6 ? args[6] : default;
        lock (_gate)
        {
            return (model, method) switch
            {
                ("stock.warehouse", "search_read") => StubHandler.Result(
                    request, Filter(positional[0], "code").All(code => code == "EU") ? new[] { new { id = 1, code = "EU" } } : []),
                ("stock.picking.type", "search_read") => StubHandler.Result(request, new[] { new { id = 5 } }),
                ("res.partner", "search_read") => StubHandler.Result(request, new[] { new { id = 7 } }),
                ("product.product", "search_read") => Products(request, positional[0], Limit(kwargs)),
                ("sale.order", "create") => CreateOrder(request, positional[0]),
                ("sale.order", "action_confirm") => ConfirmOrder(request),
                ("stock.picking", "search_read") => Queue(request, positional[0], kwargs),
                ("stock.move.line", "read") => StubHandler.Result(request, positional[0].EnumerateArray()
                    .Select(id => Lines[id.GetInt32()])
                    .Select(l => new { id = l.Id, product_id = new object[] { l.Product, $"Product {l.Product}" }, quantity = l.Quantity })),
                ("stock.move.line", "write") => WriteLines(request, positional[0], positional[1]),
                ("stock.picking", "button_validate") => Validate(request, positional[0][0].GetInt32()),
                _ => new HttpResponseMessage(HttpStatusCode.NotFound),
            };
        }
    }

    /// <summary>The values of <c>[field, '=', value]</c> conditions on <paramref name="field"/> in a domain.</summary>
    private static IEnumerable<string?> Filter(JsonElement domain, string field) =>
        domain.EnumerateArray().Where(c => c[0].GetString() == field && c[1].GetString() == "=").Select(c => c[2].ToString());

    private static int Limit(JsonElement kwargs) =>
        kwargs.ValueKind == JsonValueKind.Object && kwargs.TryGetProperty("limit", out var limit) ? limit.GetInt32() : int.MaxValue;

    private static HttpResponseMessage Products(JsonElement request, JsonElement domain, int limit)
    {
        var wanted = Filter(domain, "barcode").ToList();
        var products = Barcodes.Where(p => wanted.Count == 0 || wanted.Contains(p.Value)).Take(limit).Select(p => new { id = p.Key, barcode = p.Value });
        return StubHandler.Result(request, products);
    }

    private HttpResponseMessage CreateOrder(JsonElement request, JsonElement values)
    {
        int id = ++_nextOrder;
        Orders[id] = values.Clone();
        return StubHandler.Result(request, id);
    }

    private HttpResponseMessage ConfirmOrder(JsonElement request)
    {
        int order = request.GetProperty("params").GetProperty("args")[5][0][0].GetInt32();
        var lines = Orders[order].GetProperty("order_line").EnumerateArray()
            .Select(l => (l[2].GetProperty("product_id").GetInt32(), (decimal)l[2].GetProperty("product_uom_qty").GetInt32()));
        AddDelivery([.. lines]);
        return StubHandler.Result(request, true);
    }

    private HttpResponseMessage Queue(JsonElement request, JsonElement domain, JsonElement kwargs)
    {
        FirstQueueLook.TrySetResult();
        var excluded = domain.EnumerateArray().Where(c => c[0].GetString() == "id" && c[1].GetString() == "not in")
            .SelectMany(c => c[2].EnumerateArray().Select(i => i.GetInt32())).ToHashSet();
        int limit = kwargs.ValueKind == JsonValueKind.Object && kwargs.TryGetProperty("limit", out var l) ? l.GetInt32() : int.MaxValue;
        Assert.Equal(["assigned"], Filter(domain, "state"));
        Assert.Equal(["5"], Filter(domain, "picking_type_id"));
        var ready = Pickings.Values
            .Where(p => p.State == "assigned" && !excluded.Contains(p.Id))
            .OrderBy(p => p.Id).Take(limit)
            .Select(p => new { id = p.Id, name = p.Name, move_line_ids = p.LineIds.ToArray() });
        return StubHandler.Result(request, ready);
    }

    private HttpResponseMessage WriteLines(JsonElement request, JsonElement ids, JsonElement values)
    {
        foreach (var id in ids.EnumerateArray().Select(i => i.GetInt32()))
        {
            var line = Lines[id];
            if (Pickings[line.Picking].State == "done")
            {
                return StubHandler.Error(request, "odoo.exceptions.UserError", "You cannot change a stock move line that has been set to 'Done' or cancelled.");
            }

            line.Written = values.GetProperty("quantity").GetDecimal();
            line.Picked = values.GetProperty("picked").GetBoolean();
        }

        return StubHandler.Result(request, true);
    }

    private HttpResponseMessage Validate(JsonElement request, int pickingId)
    {
        var picking = Pickings[pickingId];
        Validations[pickingId] = Validations.GetValueOrDefault(pickingId) + 1;
        if (picking.State == "done")
        {
            return StubHandler.Error(request, "odoo.exceptions.UserError", "already done");
        }

        if (picking.LineIds.Any(l => !Lines[l].Picked || Lines[l].Written < Lines[l].Quantity))
        {
            return StubHandler.Result(request, new { name = "Create Backorder?", type = "ir.actions.act_window", res_model = "stock.backorder.confirmation" });
        }

        picking.State = "done";
        return StubHandler.Result(request, true);
    }

    internal sealed class Picking(int id, string name)
    {
        public int Id { get; } = id;

        public string Name { get; } = name;

        public string State { get; set; } = "assigned";

        public List<int> LineIds { get; } = [];
    }

    internal sealed class MoveLine(int id, int picking, int product, decimal quantity)
    {
        public int Id { get; } = id;

        public int Picking { get; } = picking;

        public int Product { get; } = product;

        public decimal Quantity { get; } = quantity;

        public decimal? Written { get; set; }

        public bool Picked { get; set; }
    }
}
