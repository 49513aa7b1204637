using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Odoo;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Odoo;

public class PortalBrowseWorkloadTests
{
    private static readonly OdooCredentials Credentials = new("odoo", "admin", "secret");

    /// <summary>Customers 7 and 8; orders 1..25 of customer 7 (lines 100+id, 200+id), none of customer 8.</summary>
    private static StubHandler Portal(TaskCompletionSource firstList) => new((request, _) =>
    {
        var args = request.GetProperty("params").GetProperty("args");
        if (request.GetProperty("params").GetProperty("service").GetString() == "common")
        {
            return Task.FromResult(StubHandler.Result(request, 2));
        }

        var kwargs = args.GetArrayLength() > 6 ? args[6] : default;
        var answer = (args[3].GetString(), args[4].GetString()) switch
        {
            ("res.partner", "search_read") => StubHandler.Result(request, new[] { new { id = 7 }, new { id = 8 } }),
            ("sale.order", "search_read") => List(request, args[5][0], kwargs, firstList),
            ("sale.order", "read") => StubHandler.Result(request, args[5][0].EnumerateArray().Select(id => new
            {
                id = id.GetInt32(),
                name = $"S{id.GetInt32():00000}",
                order_line = new[] { 100 + id.GetInt32(), 200 + id.GetInt32() },
            })),
            ("sale.order.line", "read") => StubHandler.Result(request, args[5][0].EnumerateArray().Select(id => new { id = id.GetInt32() })),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
        return Task.FromResult(answer);
    });

    private static HttpResponseMessage List(JsonElement request, JsonElement domain, JsonElement kwargs, TaskCompletionSource firstList)
    {
        firstList.TrySetResult();
        int customer = domain.EnumerateArray().Single(c => c[0].GetString() == "partner_id")[2].GetInt32();
        int offset = kwargs.GetProperty("offset").GetInt32();
        int limit = kwargs.GetProperty("limit").GetInt32();
        var ids = customer == 7 ? Enumerable.Range(1, 25).Reverse().Skip(offset).Take(limit) : [];
        return StubHandler.Result(request, ids.Select(id => new { id, name = $"S{id:00000}" }));
    }

    private static (PortalBrowseWorkload Workload, StubHandler Handler, TaskCompletionSource FirstList) Create(TimeProvider time, PortalBrowseOptions options)
    {
        var firstList = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = Portal(firstList);
        var client = new OdooClient(new HttpClient(handler), new Uri("http://127.0.0.1:8069"), time);
        return (new PortalBrowseWorkload(client, Credentials, options), handler, firstList);
    }

    private static IEnumerable<JsonElement> Calls(StubHandler handler, string model, string method) =>
        handler.Requests
            .Select(r => r.Body.GetProperty("params").GetProperty("args"))
            .Where(a => a.GetArrayLength() > 4 && a[3].GetString() == model && a[4].GetString() == method);

    [Fact]
    public async Task Customers_list_a_page_of_their_confirmed_orders_then_read_one_with_its_lines()
    {
        var time = new FakeTimeProvider();
        var (workload, handler, firstList) = Create(time, new PortalBrowseOptions { CustomerLimit = 2, PageSize = 10, Pages = 3 });
        var plan = new LoadPlan(TimeSpan.FromSeconds(4), [new WorkloadPlan(PortalBrowseWorkload.DefaultName, "eu", new ConstantRate(10))]) { Seed = 3 };

        var run = LoadRun.RunAsync(plan, [workload], time, CancellationToken.None);
        await firstList.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await time.AdvanceAsync(TimeSpan.FromSeconds(5));
        var result = await run.Guarded();

        var w = result.Workloads[0];
        Assert.Equal((40L, 40L, 0L), (w.Started, w.Ok, w.Failed));
        Assert.Equal([7, 8], workload.CustomerIds);
        var lists = Calls(handler, "sale.order", "search_read").ToList();
        Assert.Equal(40, lists.Count);
        Assert.All(lists, l => Assert.Equal("sale", l[5][0].EnumerateArray().Single(c => c[0].GetString() == "state")[2].GetString()));
        Assert.All(lists, l => Assert.Equal("date_order desc, id desc", l[6].GetProperty("order").GetString()));
        Assert.All(lists, l => Assert.Equal(10, l[6].GetProperty("limit").GetInt32()));
        // Both customers and all three pages are drawn; customer 7's pages hold 10, 10 and 5 orders.
        Assert.Equal([7, 8], lists.Select(l => l[5][0][0][2].GetInt32()).Distinct().Order());
        Assert.Equal([0, 10, 20], lists.Select(l => l[6].GetProperty("offset").GetInt32()).Distinct().Order());

        // Customer 8 has no order: those iterations end after the list. Each of customer 7's reads one order of its page.
        int nonEmpty = lists.Count(l => l[5][0][0][2].GetInt32() == 7);
        var reads = Calls(handler, "sale.order", "read").ToList();
        Assert.Equal(nonEmpty, reads.Count);
        Assert.All(reads, r => Assert.InRange(r[5][0][0].GetInt32(), 1, 25));
        var lineReads = Calls(handler, "sale.order.line", "read").ToList();
        Assert.Equal(reads.Select(r => r[5][0][0].GetInt32()), lineReads.Select(l => l[5][0][0].GetInt32() - 100));
        var operations = w.Operations.ToDictionary(o => o.Name, o => o.Ok);
        Assert.Equal(new Dictionary<string, long> { ["portal.list"] = 40, ["portal.read"] = nonEmpty, ["portal.lines"] = nonEmpty }, operations);
        Assert.InRange(nonEmpty, 1, 39);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_every_problem()
    {
        var client = new OdooClient(new HttpClient(), new Uri("http://127.0.0.1:8069"), TimeProvider.System);

        var error = Assert.Throws<ArgumentException>(() => new PortalBrowseWorkload(
            client, Credentials, new PortalBrowseOptions { CustomerLimit = 0, PageSize = 0, Pages = 0 }));

        Assert.Contains("customer limit", error.Message, StringComparison.Ordinal);
        Assert.Contains("page size", error.Message, StringComparison.Ordinal);
        Assert.Contains("pages must be at least 1", error.Message, StringComparison.Ordinal);
    }
}
