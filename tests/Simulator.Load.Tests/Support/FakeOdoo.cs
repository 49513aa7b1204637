using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace Simulator.Load.Tests.Support;

/// <summary>Just enough of Odoo's external API for the order-import workload, answering in Odoo's shapes.</summary>
internal sealed class FakeOdoo
{
    private int _nextOrder = 41;

    public ConcurrentDictionary<int, JsonElement> Orders { get; } = new();

    public ConcurrentBag<int> Confirmed { get; } = [];

    /// <summary>The values of every <c>ir.attachment.create</c>.</summary>
    public ConcurrentQueue<JsonElement> Attachments { get; } = new();

    /// <summary>Completes when the first order is created: the run's clock has started, time may be advanced.</summary>
    public TaskCompletionSource FirstCreate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Replaces the answer to one model method; return null to answer normally.</summary>
    public Func<string, string, JsonElement, CancellationToken, Task<HttpResponseMessage?>>? Override { get; set; }

    /// <summary>When set, confirmations answer with this origin in the emulator's <c>X-Sim-Db-Origin</c> header.</summary>
    public string? ConfirmOrigin { get; set; }

    public StubHandler Handler() => new(RespondAsync);

    private async Task<HttpResponseMessage> RespondAsync(JsonElement request, CancellationToken cancellationToken)
    {
        var p = request.GetProperty("params");
        var args = p.GetProperty("args");
        if (p.GetProperty("service").GetString() == "common")
        {
            return StubHandler.Result(request, args[2].GetString() == "secret" ? 2 : false);
        }

        string model = args[3].GetString()!;
        string method = args[4].GetString()!;
        var methodArgs = args[5];
        if (Override is { } custom && await custom(model, method, request, cancellationToken) is { } answer)
        {
            return answer;
        }

        return (model, method) switch
        {
            ("product.product", "search_read") => StubHandler.Result(request, new[] { new { id = 11 }, new { id = 12 }, new { id = 13 } }),
            ("res.partner", "search_read") => StubHandler.Result(request, new[] { new { id = 7 } }),
            ("sale.order", "create") => Create(request, methodArgs[0]),
            ("sale.order", "action_confirm") => Confirm(request, methodArgs[0][0].GetInt32()),
            ("ir.attachment", "create") => Attach(request, methodArgs[0]),
            ("sale.order", "read") => StubHandler.Result(request, new[] { new { id = methodArgs[0][0].GetInt32(), name = $"S{methodArgs[0][0].GetInt32():00000}" } }),
            _ => new HttpResponseMessage(HttpStatusCode.NotFound),
        };
    }

    private HttpResponseMessage Create(JsonElement request, JsonElement values)
    {
        int id = Interlocked.Increment(ref _nextOrder);
        Orders[id] = values.Clone();
        FirstCreate.TrySetResult();
        return StubHandler.Result(request, id);
    }

    private HttpResponseMessage Attach(JsonElement request, JsonElement values)
    {
        Attachments.Enqueue(values.Clone());
        return StubHandler.Result(request, Attachments.Count);
    }

    private HttpResponseMessage Confirm(JsonElement request, int id)
    {
        Confirmed.Add(id);
        var response = StubHandler.Result(request, true);
        if (ConfirmOrigin is not null)
        {
            response.Headers.Add(Simulator.Load.Odoo.OdooClient.DbOriginHeader, ConfirmOrigin);
        }

        return response;
    }
}
