using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Odoo;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Odoo;

public class OrderImportWorkloadTests
{
    private static readonly OdooCredentials Credentials = new("odoo", "admin", "secret");

    private static (OrderImportWorkload Workload, StubHandler Handler) Create(FakeOdoo odoo, TimeProvider time, OrderImportOptions? options = null)
    {
        var handler = odoo.Handler();
        var client = new OdooClient(new HttpClient(handler), new Uri("http://127.0.0.1:8069"), time);
        return (new OrderImportWorkload(client, Credentials, options ?? new OrderImportOptions { MinLines = 2, MaxLines = 4 }), handler);
    }

    private static LoadPlan Plan(double rate, double seconds) => new(
        TimeSpan.FromSeconds(seconds), [new WorkloadPlan(OrderImportWorkload.DefaultName, "eu", new ConstantRate(rate))])
    {
        Seed = 42,
        GracePeriod = TimeSpan.FromMinutes(2),
    };

    // Initialization goes through HttpClient and may finish on another thread: advance the clock only once the run
    // has started (its first iteration created an order), or part of the advance would happen before the start.
    private static async Task<LoadRunResult> RunAsync(FakeTimeProvider time, FakeOdoo odoo, Task<LoadRunResult> run, TimeSpan advance)
    {
        await odoo.FirstCreate.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await time.AdvanceAsync(advance);
        return await run.Guarded();
    }

    [Fact]
    public async Task Each_iteration_creates_confirms_and_reads_an_order_and_ledgers_its_name()
    {
        var time = new FakeTimeProvider();
        var odoo = new FakeOdoo();
        var (workload, handler) = Create(odoo, time);
        var ledger = new MemoryLedger();

        var run = LoadRun.RunAsync(Plan(2, 2), [workload], new LoadRunOptions { Ledger = ledger }, time, CancellationToken.None);
        var result = await RunAsync(time, odoo, run, TimeSpan.FromSeconds(3));

        Assert.Equal([11, 12, 13], workload.ProductIds);
        var w = result.Workloads[0];
        Assert.Equal((4L, 4L, 0L, 0L), (w.Started, w.Ok, w.Failed, w.Unknown));
        Assert.Equal(4, w.Acknowledged);
        Assert.Equal(["S00042", "S00043", "S00044", "S00045"], ledger.Entries.Select(e => e.Id).Order());
        Assert.All(ledger.Entries, e => Assert.Equal(("eu", "order-import"), (e.Region, e.Workload)));
        Assert.Equal(["import.confirm", "import.create", "import.read"], w.Operations.Select(o => o.Name));
        Assert.All(w.Operations, o => Assert.Equal(4, o.Ok));
        Assert.Equal(4, odoo.Confirmed.Count);
        // Every JSON-RPC body of the three calls per order is counted, both ways.
        long sent = handler.Requests
            .Where(r => r.Body.GetProperty("params").GetProperty("service").GetString() == "object"
                && r.Body.GetProperty("params").GetProperty("args")[3].GetString() == "sale.order")
            .Sum(r => (long)System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(r.Body).Length);
        Assert.InRange(w.BytesSent, sent - 100, sent + 100);
        Assert.True(w.BytesReceived > 12 * 20, $"received {w.BytesReceived} bytes");

        foreach (var order in odoo.Orders.Values)
        {
            Assert.Equal(7, order.GetProperty("partner_id").GetInt32());
            var lines = order.GetProperty("order_line").EnumerateArray().ToList();
            Assert.InRange(lines.Count, 2, 4);
            foreach (var line in lines)
            {
                Assert.Equal(0, line[0].GetInt32());
                Assert.Equal(0, line[1].GetInt32());
                Assert.Contains(line[2].GetProperty("product_id").GetInt32(), new[] { 11, 12, 13 });
                Assert.InRange(line[2].GetProperty("product_uom_qty").GetInt32(), 1, 10);
            }
        }

        // Products and the customer were fetched once, before the run.
        Assert.Single(handler.Requests, r => r.Body.GetProperty("params").GetProperty("args").GetArrayLength() > 4
            && r.Body.GetProperty("params").GetProperty("args")[3].GetString() == "product.product");
    }

    [Fact]
    public async Task The_same_seed_builds_the_same_orders()
    {
        async Task<string[]> OrdersAsync()
        {
            var time = new FakeTimeProvider();
            var odoo = new FakeOdoo();
            var (workload, _) = Create(odoo, time);
            var run = LoadRun.RunAsync(Plan(2, 2), [workload], time, CancellationToken.None);
            await RunAsync(time, odoo, run, TimeSpan.FromSeconds(3));
            return [.. odoo.Orders.OrderBy(o => o.Key).Select(o => o.Value.GetRawText())];
        }

        Assert.Equal(await OrdersAsync(), await OrdersAsync());
    }

    [Fact]
    public async Task An_odoo_error_on_confirm_fails_the_iteration_and_nothing_is_ledgered()
    {
        var time = new FakeTimeProvider();
        var odoo = new FakeOdoo
        {
            Override = (_, method, request, _) => Task.FromResult(method == "action_confirm"
                ? StubHandler.Error(request, "odoo.exceptions.UserError", "No product.")
                : null),
        };
        var (workload, _) = Create(odoo, time);
        var ledger = new MemoryLedger();

        var run = LoadRun.RunAsync(Plan(1, 2), [workload], new LoadRunOptions { Ledger = ledger }, time, CancellationToken.None);
        var result = await RunAsync(time, odoo, run, TimeSpan.FromSeconds(3));

        var w = result.Workloads[0];
        Assert.Equal((0L, 2L, 0L), (w.Ok, w.Failed, w.Unknown));
        Assert.Equal(2, w.ErrorKinds["odoo.exceptions.UserError"]);
        Assert.Empty(ledger.Entries);
        var confirm = w.Operations.Single(o => o.Name == "import.confirm");
        Assert.Equal((0L, 2L), (confirm.Ok, confirm.Failed));
        Assert.Equal(2, w.Operations.Single(o => o.Name == "import.create").Ok);
    }

    [Fact]
    public async Task A_timeout_after_sending_the_confirm_is_an_unknown_outcome()
    {
        var time = new FakeTimeProvider();
        var odoo = new FakeOdoo
        {
            Override = async (_, method, _, ct) =>
            {
                if (method == "action_confirm")
                {
                    await Task.Delay(TimeSpan.FromMinutes(5), time, ct);
                }

                return null;
            },
        };
        var (workload, _) = Create(odoo, time);
        var ledger = new MemoryLedger();

        var run = LoadRun.RunAsync(Plan(1, 1), [workload], new LoadRunOptions { Ledger = ledger }, time, CancellationToken.None);
        var result = await RunAsync(time, odoo, run, TimeSpan.FromSeconds(31));

        var w = result.Workloads[0];
        Assert.Equal((0L, 0L, 1L), (w.Ok, w.Failed, w.Unknown));
        Assert.Equal(new Dictionary<string, long> { ["timeout"] = 1 }, w.ErrorKinds);
        Assert.Equal(1, result.Unknown);
        Assert.Empty(ledger.Entries);
    }

    [Fact]
    public async Task Initialization_logs_in_and_fails_clearly_without_products()
    {
        var odoo = new FakeOdoo
        {
            Override = (model, _, request, _) => Task.FromResult(model == "product.product" ? StubHandler.Result(request, Array.Empty<object>()) : null),
        };
        var (workload, handler) = Create(odoo, TimeProvider.System);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => workload.InitializeAsync(CancellationToken.None));

        Assert.Contains("product.product", error.Message, StringComparison.Ordinal);
        Assert.Equal("authenticate", handler.Requests[0].Body.GetProperty("params").GetProperty("method").GetString());
    }

    [Fact]
    public void Invalid_options_are_rejected_with_every_problem()
    {
        var client = new OdooClient(new HttpClient(), new Uri("http://127.0.0.1:8069"), TimeProvider.System);

        var error = Assert.Throws<ArgumentException>(() => new OrderImportWorkload(client, Credentials, new OrderImportOptions { MinLines = 0, MaxLines = -1, MaxQuantity = 0 }));

        Assert.Contains("minimum must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("must not be below the minimum", error.Message, StringComparison.Ordinal);
        Assert.Contains("quantity", error.Message, StringComparison.Ordinal);
    }
}
