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

    /// <summary>A fake Odoo that answers <paramref name="model"/>.<paramref name="method"/> with Odoo's error <paramref name="name"/>.</summary>
    private static FakeOdoo Failing(string model, string method, string name, string message = "Odoo said no.") => new()
    {
        Override = (mo, me, request, _) => Task.FromResult(mo == model && me == method ? StubHandler.Error(request, name, message) : null),
    };

    /// <summary>Runs the workload at <paramref name="rate"/> for <paramref name="seconds"/> on a fake clock, with a ledger.</summary>
    private static async Task<(Simulator.Load.Measurement.WorkloadResult Result, MemoryLedger Ledger, StubHandler Handler)> RunLedgeredAsync(
        FakeOdoo odoo, double rate, double seconds, OrderImportOptions? options = null)
    {
        var time = new FakeTimeProvider();
        var (workload, handler) = Create(odoo, time, options);
        var ledger = new MemoryLedger();
        var run = LoadRun.RunAsync(Plan(rate, seconds), [workload], new LoadRunOptions { Ledger = ledger }, time, CancellationToken.None);
        var result = await RunAsync(time, odoo, run, TimeSpan.FromSeconds(seconds + 1));
        return (result.Workloads[0], ledger, handler);
    }

    [Fact]
    public async Task Each_iteration_creates_confirms_reads_and_attaches_an_order_and_ledgers_its_name()
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
        Assert.Equal(["import.attach", "import.confirm", "import.create", "import.read"], w.Operations.Select(o => o.Name));
        Assert.All(w.Operations, o => Assert.Equal(4, o.Ok));
        Assert.Equal(4, odoo.Confirmed.Count);
        // Every JSON-RPC body of the four calls per order is counted, both ways.
        long sent = handler.Requests
            .Where(r => r.Body.GetProperty("params").GetProperty("service").GetString() == "object"
                && r.Body.GetProperty("params").GetProperty("args")[3].GetString() is "sale.order" or "ir.attachment")
            .Sum(r => (long)System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(r.Body).Length);
        Assert.InRange(w.BytesSent, sent - 100, sent + 100);
        Assert.True(w.BytesReceived > 16 * 20, $"received {w.BytesReceived} bytes");

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
    public async Task The_source_document_is_the_orders_lines_as_csv_attached_to_it()
    {
        var time = new FakeTimeProvider();
        var odoo = new FakeOdoo();
        var (workload, _) = Create(odoo, time);

        var run = LoadRun.RunAsync(Plan(2, 2), [workload], time, CancellationToken.None);
        await RunAsync(time, odoo, run, TimeSpan.FromSeconds(3));

        Assert.Equal(4, odoo.Attachments.Count);
        foreach (var attachment in odoo.Attachments)
        {
            int orderId = attachment.GetProperty("res_id").GetInt32();
            Assert.Equal("sale.order", attachment.GetProperty("res_model").GetString());
            Assert.Equal($"S{orderId:00000}.csv", attachment.GetProperty("name").GetString());
            Assert.Equal("text/csv", attachment.GetProperty("mimetype").GetString());
            var csv = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(attachment.GetProperty("datas").GetString()!));
            var expected = odoo.Orders[orderId].GetProperty("order_line").EnumerateArray()
                .Select(l => $"{l[2].GetProperty("product_id").GetInt32()},{l[2].GetProperty("product_uom_qty").GetInt32()}");
            Assert.Equal([$"order,S{orderId:00000}", "product_id,quantity", .. expected, ""], csv.Split('\n'));
        }
    }

    [Fact]
    public async Task A_failed_attachment_fails_the_iteration_but_the_confirmed_order_stays_ledgered()
    {
        var (w, ledger, _) = await RunLedgeredAsync(Failing("ir.attachment", "create", "botocore.exceptions.EndpointConnectionError"), 1, 2);

        Assert.Equal((0L, 2L), (w.Ok, w.Failed));
        Assert.Equal(2, w.ErrorKinds["botocore.exceptions.EndpointConnectionError"]);
        Assert.Equal(2, ledger.Entries.Count);
        Assert.Equal((0L, 2L), w.Operations.Where(o => o.Name == "import.attach").Select(o => (o.Ok, o.Failed)).Single());
    }

    [Fact]
    public async Task Without_attachments_an_order_takes_three_calls()
    {
        var time = new FakeTimeProvider();
        var odoo = new FakeOdoo();
        var (workload, _) = Create(odoo, time, new OrderImportOptions { AttachSourceDocument = false });

        var run = LoadRun.RunAsync(Plan(1, 2), [workload], time, CancellationToken.None);
        var result = await RunAsync(time, odoo, run, TimeSpan.FromSeconds(3));

        Assert.Equal(2, result.Workloads[0].Ok);
        Assert.Empty(odoo.Attachments);
        Assert.Equal(["import.confirm", "import.create", "import.read"], result.Workloads[0].Operations.Select(o => o.Name));
    }

    [Fact]
    public async Task Orders_are_spread_over_the_first_customers()
    {
        var time = new FakeTimeProvider();
        var odoo = new FakeOdoo
        {
            Override = (model, _, request, _) => Task.FromResult(model == "res.partner"
                ? StubHandler.Result(request, new[] { new { id = 7 }, new { id = 8 }, new { id = 9 } })
                : null),
        };
        var (workload, handler) = Create(odoo, time, new OrderImportOptions { CustomerLimit = 3 });

        var run = LoadRun.RunAsync(Plan(10, 3), [workload], time, CancellationToken.None);
        await RunAsync(time, odoo, run, TimeSpan.FromSeconds(4));

        Assert.Equal([7, 8, 9], workload.CustomerIds);
        var customers = odoo.Orders.Values.Select(o => o.GetProperty("partner_id").GetInt32()).ToList();
        Assert.Equal(30, customers.Count);
        Assert.Equal([7, 8, 9], customers.Distinct().Order());
        var partnerSearch = handler.Requests.Single(r => r.Body.GetProperty("params").GetProperty("args").GetArrayLength() > 4
            && r.Body.GetProperty("params").GetProperty("args")[3].GetString() == "res.partner");
        Assert.Equal(3, partnerSearch.Body.GetProperty("params").GetProperty("args")[6].GetProperty("limit").GetInt32());
    }

    [Fact]
    public async Task A_read_that_a_lagging_replica_cannot_answer_yet_is_tried_again()
    {
        int misses = 0;
        var odoo = new FakeOdoo
        {
            // The first two reads of every order miss it, as a replica that has not replayed the write yet.
            Override = (_, method, request, _) => Task.FromResult(method == "read" && Interlocked.Increment(ref misses) % 3 != 0
                ? StubHandler.Error(request, "odoo.exceptions.MissingError", "Record does not exist or has been deleted.")
                : null),
        };

        var (w, ledger, _) = await RunLedgeredAsync(odoo, 1, 2);

        Assert.Equal((2L, 0L), (w.Ok, w.Failed));
        Assert.Equal(2, ledger.Entries.Count);
        Assert.Equal(6, misses);
        // The two waits for replication are in the read's latency.
        var read = w.Operations.Single(o => o.Name == "import.read");
        Assert.NotNull(read.LatencyUncorrected);
        Assert.True(read.LatencyUncorrected.P50 >= 2 * OrderImportWorkload.ReadPause.TotalMilliseconds, $"read p50 {read.LatencyUncorrected.P50} ms");
    }

    [Fact]
    public async Task A_confirmed_order_the_replica_never_shows_is_an_unknown_outcome()
    {
        var (w, ledger, handler) = await RunLedgeredAsync(Failing("sale.order", "read", "odoo.exceptions.MissingError"), 1, 1);

        Assert.Equal((0L, 0L, 1L), (w.Ok, w.Failed, w.Unknown));
        Assert.Equal(new Dictionary<string, long> { ["read-after-write"] = 1 }, w.ErrorKinds);
        Assert.Empty(ledger.Entries);
        Assert.Equal(OrderImportWorkload.ReadTries, handler.Requests.Count(r => r.Body.GetRawText().Contains("\"read\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Orders_carry_the_origin_the_server_named_and_when_their_confirmation_was_sent()
    {
        var odoo = new FakeOdoo { ConfirmOrigin = "us-pg-1/tl2" };

        var (w, ledger, _) = await RunLedgeredAsync(odoo, 1, 2);

        Assert.Equal(2, w.Acknowledged);
        Assert.All(ledger.Entries, e =>
        {
            Assert.Equal("us-pg-1/tl2", e.Origin);
            Assert.NotNull(e.SentAt);
            Assert.True(e.SentAt <= e.Time, $"sent {e.SentAt} after the acknowledgement {e.Time}");
        });
    }

    [Fact]
    public async Task Acknowledging_on_commit_reads_the_name_before_confirming_and_ledgers_the_confirmation()
    {
        var odoo = new FakeOdoo { ConfirmOrigin = "eu-pg-1/tl1" };

        var (w, ledger, handler) = await RunLedgeredAsync(odoo, 1, 1, new OrderImportOptions { Acknowledge = OrderAcknowledgement.Commit });

        Assert.Equal((1L, 1L), (w.Ok, w.Acknowledged));
        var entry = Assert.Single(ledger.Entries);
        Assert.Equal(("S00042", "eu-pg-1/tl1"), (entry.Id, entry.Origin));
        string[] sequence = [.. handler.Requests
            .Where(r => r.Body.GetProperty("params").GetProperty("args").GetArrayLength() > 4
                && r.Body.GetProperty("params").GetProperty("args")[3].GetString() == "sale.order")
            .Select(r => r.Body.GetProperty("params").GetProperty("args")[4].GetString()!)
            .Where(m => m is "create" or "read" or "action_confirm")];
        Assert.Equal(["create", "read", "action_confirm"], sequence);
    }

    [Fact]
    public async Task Acknowledging_on_commit_a_draft_the_replica_never_shows_is_not_confirmed()
    {
        var odoo = Failing("sale.order", "read", "odoo.exceptions.MissingError");

        var (w, ledger, _) = await RunLedgeredAsync(odoo, 1, 1, new OrderImportOptions { Acknowledge = OrderAcknowledgement.Commit });

        Assert.Equal((0L, 1L), (w.Ok, w.Unknown));
        Assert.Empty(ledger.Entries);
        Assert.Empty(odoo.Confirmed);
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
        var (w, ledger, _) = await RunLedgeredAsync(Failing("sale.order", "action_confirm", "odoo.exceptions.UserError", "No product."), 1, 2);

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
        Assert.Contains("customer limit", Assert.Throws<ArgumentException>(
            () => new OrderImportWorkload(client, Credentials, new OrderImportOptions { CustomerLimit = 0 })).Message, StringComparison.Ordinal);
    }
}
