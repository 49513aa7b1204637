using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Odoo;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Odoo;

public class WarehouseScanWorkloadTests
{
    private static readonly OdooCredentials Credentials = new("odoo", "admin", "secret");

    private static (WarehouseScanWorkload Workload, StubHandler Handler) Create(FakeWarehouse warehouse, TimeProvider time, WarehouseScanOptions? options = null)
    {
        var handler = warehouse.Handler();
        var client = new OdooClient(new HttpClient(handler), new Uri("http://127.0.0.1:8069"), time);
        return (new WarehouseScanWorkload(client, Credentials, options ?? new WarehouseScanOptions { WarehouseCode = "EU" }), handler);
    }

    private static LoadPlan Plan(double rate, double seconds) => new(
        TimeSpan.FromSeconds(seconds), [new WorkloadPlan(WarehouseScanWorkload.DefaultName, "eu", new ConstantRate(rate))])
    {
        Seed = 42,
        GracePeriod = TimeSpan.FromMinutes(2),
    };

    private static async Task<LoadRunResult> RunAsync(FakeTimeProvider time, FakeWarehouse warehouse, WarehouseScanWorkload workload, LoadPlan plan, TimeSpan advance)
    {
        var run = LoadRun.RunAsync(plan, [workload], time, CancellationToken.None);
        await warehouse.FirstQueueLook.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await time.AdvanceAsync(advance);
        return await run.Guarded();
    }

    private static string[] Calls(StubHandler handler, string model, string method) =>
        [.. handler.Requests
            .Select(r => r.Body.GetProperty("params").GetProperty("args"))
            .Where(a => a.GetArrayLength() > 4 && a[3].GetString() == model && a[4].GetString() == method)
            .Select(a => a[5].GetRawText())];

    [Fact]
    public async Task Each_iteration_scans_every_line_of_the_oldest_ready_delivery_and_validates_it()
    {
        var time = new FakeTimeProvider();
        var warehouse = new FakeWarehouse();
        int first = warehouse.AddDelivery((11, 3), (12, 1));
        int second = warehouse.AddDelivery((13, 2.5m));
        int third = warehouse.AddDelivery((12, 4), (11, 1), (13, 1));
        var (workload, handler) = Create(warehouse, time);

        var result = await RunAsync(time, warehouse, workload, Plan(1, 3), TimeSpan.FromSeconds(4));

        var w = result.Workloads[0];
        Assert.Equal((3L, 3L, 0L, 0L), (w.Started, w.Ok, w.Failed, w.Unknown));
        Assert.Equal([first, second, third], workload.ValidatedPickingIds.Order());
        Assert.Equal((1, 5), (workload.WarehouseId, workload.PickingTypeId));
        Assert.All(warehouse.Pickings.Values, p => Assert.Equal("done", p.State));
        Assert.All(warehouse.Validations.Values, count => Assert.Equal(1, count));
        // Every line was picked with the quantity reserved for it.
        Assert.All(warehouse.Lines.Values, l => Assert.Equal((true, l.Quantity), (l.Picked, l.Written)));
        // One barcode scan per line, with the line's own product's barcode, in line order.
        Assert.Equal(
            [.. new[] { 11, 12, 13, 12, 11, 13 }.Select(p => $"[[[\"barcode\",\"=\",\"{FakeWarehouse.Barcodes[p]}\"]]]")],
            Calls(handler, "product.product", "search_read").Skip(1));
        var operations = w.Operations.ToDictionary(o => o.Name, o => (o.Ok, o.Failed));
        Assert.Equal(
            new Dictionary<string, (long, long)> { ["scan.open"] = (6, 0), ["scan.lookup"] = (6, 0), ["scan.update"] = (6, 0), ["scan.validate"] = (3, 0) },
            operations);
        Assert.Equal(0, w.Acknowledged);
    }

    [Fact]
    public async Task Overlapping_users_never_take_the_same_delivery()
    {
        var time = new FakeTimeProvider();
        var warehouse = new FakeWarehouse
        {
            // Validation takes 2 s, so the four iterations started 250 ms apart all hold a delivery at once.
            Override = async (_, method, _, ct) =>
            {
                if (method == "button_validate")
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), time, ct);
                }

                return null;
            },
        };
        int[] deliveries = [.. Enumerable.Range(0, 5).Select(i => warehouse.AddDelivery((11 + (i % 3), 1)))];
        var (workload, handler) = Create(warehouse, time);

        var result = await RunAsync(time, warehouse, workload, Plan(4, 1), TimeSpan.FromSeconds(4));

        var w = result.Workloads[0];
        Assert.Equal((4L, 4L, 0L), (w.Started, w.Ok, w.Failed));
        Assert.Equal(deliveries[..4], workload.ValidatedPickingIds.Order());
        Assert.Equal(4, warehouse.Validations.Count);
        Assert.All(warehouse.Validations.Values, count => Assert.Equal(1, count));
        Assert.Equal("assigned", warehouse.Pickings[deliveries[4]].State);
        // Later looks at the queue leave out the deliveries other users hold.
        Assert.Contains(Calls(handler, "stock.picking", "search_read"), domain => domain.Contains("\"not in\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_queue_fails_the_iteration_as_no_picking()
    {
        var time = new FakeTimeProvider();
        var warehouse = new FakeWarehouse();
        var (workload, _) = Create(warehouse, time);

        var result = await RunAsync(time, warehouse, workload, Plan(1, 2), TimeSpan.FromSeconds(3));

        var w = result.Workloads[0];
        Assert.Equal((0L, 2L), (w.Ok, w.Failed));
        Assert.Equal(new Dictionary<string, long> { ["no-picking"] = 2 }, w.ErrorKinds);
        Assert.Equal((0L, 2L), w.Operations.Where(o => o.Name == "scan.open").Select(o => (o.Ok, o.Failed)).Single());
    }

    [Fact]
    public async Task The_backlog_is_ordered_and_confirmed_in_the_warehouse_before_the_run()
    {
        var time = new FakeTimeProvider();
        var warehouse = new FakeWarehouse();
        var (workload, handler) = Create(warehouse, time, new WarehouseScanOptions { WarehouseCode = "EU", Backlog = 4, MinLines = 2, MaxLines = 3, ProductLimit = 2 });

        var result = await RunAsync(time, warehouse, workload, Plan(2, 2), TimeSpan.FromSeconds(3));

        Assert.Equal(4, warehouse.Orders.Count);
        Assert.Equal(4, Calls(handler, "sale.order", "action_confirm").Length);
        foreach (var order in warehouse.Orders.Values)
        {
            Assert.Equal(1, order.GetProperty("warehouse_id").GetInt32());
            var lines = order.GetProperty("order_line").EnumerateArray().ToList();
            Assert.InRange(lines.Count, 2, 3);
            Assert.All(lines, l => Assert.Contains(l[2].GetProperty("product_id").GetInt32(), new[] { 11, 12 }));
        }

        // The four deliveries the backlog made are what the run then scanned.
        Assert.Equal(4, result.Workloads[0].Ok);
        Assert.Equal(warehouse.Pickings.Keys.Order(), workload.ValidatedPickingIds.Order());
    }

    [Fact]
    public async Task A_barcode_that_finds_another_product_fails_and_releases_the_delivery()
    {
        var time = new FakeTimeProvider();
        var warehouse = new FakeWarehouse
        {
            Override = (model, method, request, _) => Task.FromResult(model == "product.product" && request.GetRawText().Contains("\"=\"", StringComparison.Ordinal)
                ? StubHandler.Result(request, new[] { new { id = 99 } })
                : null),
        };
        int delivery = warehouse.AddDelivery((11, 1));
        var (workload, handler) = Create(warehouse, time);

        var result = await RunAsync(time, warehouse, workload, Plan(1, 2), TimeSpan.FromSeconds(3));

        var w = result.Workloads[0];
        Assert.Equal((0L, 2L), (w.Ok, w.Failed));
        Assert.Equal(new Dictionary<string, long> { ["barcode-mismatch"] = 2 }, w.ErrorKinds);
        Assert.Empty(workload.ValidatedPickingIds);
        Assert.Empty(Calls(handler, "stock.move.line", "write"));
        // Released after the first failure, so the second iteration took the same delivery again.
        Assert.Equal(2, Calls(handler, "stock.move.line", "read").Length);
        Assert.Equal("assigned", warehouse.Pickings[delivery].State);
    }

    [Fact]
    public async Task A_backorder_wizard_instead_of_true_is_a_failed_validation()
    {
        var time = new FakeTimeProvider();
        var warehouse = new FakeWarehouse
        {
            // The write is lost: the line stays unpicked, so Odoo offers a backorder.
            Override = (model, method, request, _) => Task.FromResult(method == "write" ? StubHandler.Result(request, true) : null),
        };
        warehouse.AddDelivery((11, 2));
        var (workload, _) = Create(warehouse, time);

        var result = await RunAsync(time, warehouse, workload, Plan(1, 1), TimeSpan.FromSeconds(2));

        var w = result.Workloads[0];
        Assert.Equal(new Dictionary<string, long> { ["not-validated"] = 1 }, w.ErrorKinds);
        Assert.Equal(1, w.Operations.Single(o => o.Name == "scan.validate").Ok);
        Assert.Empty(workload.ValidatedPickingIds);
    }

    [Fact]
    public async Task Initialization_fails_clearly_for_an_unknown_warehouse()
    {
        var (workload, _) = Create(new FakeWarehouse(), TimeProvider.System, new WarehouseScanOptions { WarehouseCode = "US" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => workload.InitializeAsync(CancellationToken.None));

        Assert.Contains("no warehouse US", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_every_problem()
    {
        var client = new OdooClient(new HttpClient(), new Uri("http://127.0.0.1:8069"), TimeProvider.System);

        var error = Assert.Throws<ArgumentException>(() => new WarehouseScanWorkload(
            client, Credentials, new WarehouseScanOptions { Backlog = -1, WarehouseCode = "", MinLines = 3, MaxLines = 2, ProductLimit = 0 }));

        Assert.Contains("backlog must not be negative", error.Message, StringComparison.Ordinal);
        Assert.Contains("warehouse code must not be empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("must not be below the minimum", error.Message, StringComparison.Ordinal);
        Assert.Contains("product limit", error.Message, StringComparison.Ordinal);
    }
}
