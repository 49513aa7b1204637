using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Measurement;
using Simulator.Load.Odoo;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Odoo;

public class OdooClientTests
{
    private static readonly Uri BaseUrl = new("http://127.0.0.1:8069/");

    private static (OdooClient Client, StubHandler Handler) Create(
        Func<JsonElement, CancellationToken, Task<HttpResponseMessage>> respond, TimeProvider? time = null)
    {
        var handler = new StubHandler(respond);
        return (new OdooClient(new HttpClient(handler), BaseUrl, time ?? TimeProvider.System), handler);
    }

    [Fact]
    public async Task Authenticate_posts_the_json_rpc_envelope_and_returns_the_uid()
    {
        var (client, handler) = Create((request, _) => Task.FromResult(StubHandler.Result(request, 2)));

        int uid = await client.AuthenticateAsync("odoo", "admin", "secret", CancellationToken.None);

        Assert.Equal(2, uid);
        Assert.Equal(2, client.UserId);
        var (uri, body) = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:8069/jsonrpc", uri.ToString());
        Assert.Equal("2.0", body.GetProperty("jsonrpc").GetString());
        Assert.Equal("call", body.GetProperty("method").GetString());
        Assert.Equal(JsonValueKind.Number, body.GetProperty("id").ValueKind);
        var p = body.GetProperty("params");
        Assert.Equal("common", p.GetProperty("service").GetString());
        Assert.Equal("authenticate", p.GetProperty("method").GetString());
        Assert.Equal("""["odoo","admin","secret",{}]""", p.GetProperty("args").GetRawText());
    }

    [Fact]
    public async Task Execute_kw_sends_database_uid_password_model_method_args_and_kwargs()
    {
        var (client, handler) = Create((request, _) => Task.FromResult(
            request.GetProperty("params").GetProperty("service").GetString() == "common"
                ? StubHandler.Result(request, 2)
                : StubHandler.Result(request, new[] { new { id = 5, name = "S00005" } })));
        await client.AuthenticateAsync("odoo", "admin", "secret", CancellationToken.None);

        var result = await client.ExecuteKwAsync(
            "sale.order", "read", [new[] { 5 }], new Dictionary<string, object?> { ["fields"] = new[] { "name" } }, CancellationToken.None);

        Assert.Equal("S00005", result[0].GetProperty("name").GetString());
        var p = handler.Requests[1].Body.GetProperty("params");
        Assert.Equal("object", p.GetProperty("service").GetString());
        Assert.Equal("execute_kw", p.GetProperty("method").GetString());
        Assert.Equal("""["odoo",2,"secret","sale.order","read",[[5]],{"fields":["name"]}]""", p.GetProperty("args").GetRawText());
        Assert.NotEqual(handler.Requests[0].Body.GetProperty("id").GetInt64(), handler.Requests[1].Body.GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Every_call_names_its_database_in_the_x_odoo_database_header()
    {
        var (client, handler) = Create((request, _) => Task.FromResult(StubHandler.Result(request, 2)));
        await client.CallAsync("common", "version", [], CancellationToken.None);
        await client.AuthenticateAsync("globex", "admin", "secret", CancellationToken.None);
        await client.ExecuteKwAsync("res.partner", "search_count", [Array.Empty<object>()], null, CancellationToken.None);
        await client.ExecuteKwWithOriginAsync("sale.order", "action_confirm", [new[] { 1 }], null, CancellationToken.None);

        Assert.Equal([null, "globex", "globex", "globex"], handler.Databases);
    }

    [Fact]
    public async Task An_odoo_error_reply_becomes_a_typed_failure_with_the_odoo_exception_name()
    {
        var (client, _) = Create((request, _) => Task.FromResult(
            StubHandler.Error(request, "odoo.exceptions.ValidationError", "The quantity must be positive.")));

        var error = await Assert.ThrowsAsync<OdooRpcException>(() => client.CallAsync("object", "execute_kw", [], CancellationToken.None));

        Assert.Equal("odoo.exceptions.ValidationError", error.OdooName);
        Assert.Equal("The quantity must be positive.", error.OdooMessage);
        Assert.Equal("Odoo Server Error", error.ServerMessage);
        Assert.Equal(200, error.Code);
        Assert.StartsWith("Traceback", error.Debug, StringComparison.Ordinal);
        Assert.Equal(Outcome.Failed, error.Outcome);
        Assert.Equal("odoo.exceptions.ValidationError", error.ErrorKind);
    }

    [Fact]
    public async Task An_error_without_data_still_decodes()
    {
        var (client, _) = Create((request, _) => Task.FromResult(StubHandler.Json(
            """{"jsonrpc":"2.0","id":1,"error":{"code":100,"message":"Odoo Session Expired"}}""")));

        var error = await Assert.ThrowsAsync<OdooRpcException>(() => client.CallAsync("common", "version", [], CancellationToken.None));

        Assert.Null(error.OdooName);
        Assert.Equal(100, error.Code);
        Assert.Equal("Odoo Session Expired", error.OdooMessage);
        Assert.Equal("odoo-error", error.ErrorKind);
    }

    [Fact]
    public async Task A_refused_login_is_an_authentication_error()
    {
        var (client, _) = Create((request, _) => Task.FromResult(StubHandler.Result(request, false)));

        await Assert.ThrowsAsync<OdooAuthenticationException>(() => client.AuthenticateAsync("odoo", "admin", "wrong", CancellationToken.None));
        Assert.Null(client.UserId);
        await Assert.ThrowsAsync<OdooAuthenticationException>(() => client.ExecuteKwAsync("res.partner", "search", [], null, CancellationToken.None));
    }

    [Fact]
    public async Task No_answer_within_the_request_timeout_is_an_unknown_outcome()
    {
        var time = new FakeTimeProvider();
        var sent = new TaskCompletionSource();
        var (client, _) = Create(
            async (request, ct) =>
            {
                sent.SetResult();
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return StubHandler.Result(request, true);
            },
            time);

        var call = client.CallAsync("object", "execute_kw", [], CancellationToken.None);
        await sent.Task;
        time.Advance(OdooClientOptions.DefaultRequestTimeout);
        var error = await Assert.ThrowsAsync<OdooTransportException>(() => call);

        Assert.Equal("timeout", error.ErrorKind);
        Assert.Equal(Outcome.Unknown, error.Outcome);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_turned_into_an_outcome()
    {
        using var cts = new CancellationTokenSource();
        var (client, _) = Create(async (request, ct) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, ct);
            return StubHandler.Result(request, true);
        });

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CallAsync("common", "version", [], cts.Token));

        Assert.IsNotType<OdooTransportException>(error.InnerException);
    }

    [Theory]
    [InlineData(HttpRequestError.ConnectionError, "connection-refused", Outcome.Failed)]
    [InlineData(HttpRequestError.NameResolutionError, "name-resolution", Outcome.Failed)]
    [InlineData(HttpRequestError.ResponseEnded, "connection-lost", Outcome.Unknown)]
    [InlineData(HttpRequestError.Unknown, "connection-lost", Outcome.Unknown)]
    public async Task Connection_errors_are_failed_before_sending_and_unknown_after(HttpRequestError kind, string errorKind, Outcome outcome)
    {
        var (client, _) = Create((_, _) => throw new HttpRequestException(kind, "boom"));

        var error = await Assert.ThrowsAsync<OdooTransportException>(() => client.CallAsync("object", "execute_kw", [], CancellationToken.None));

        Assert.Equal((errorKind, outcome), (error.ErrorKind, error.Outcome));
    }

    [Fact]
    public async Task A_connection_reset_while_reading_the_answer_is_unknown()
    {
        var (client, _) = Create((_, _) => throw new IOException("Connection reset by peer"));

        var error = await Assert.ThrowsAsync<OdooTransportException>(() => client.CallAsync("object", "execute_kw", [], CancellationToken.None));

        Assert.Equal(("connection-lost", Outcome.Unknown), (error.ErrorKind, error.Outcome));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadGateway, Outcome.Unknown)]
    [InlineData(HttpStatusCode.GatewayTimeout, Outcome.Unknown)]
    [InlineData(HttpStatusCode.ServiceUnavailable, Outcome.Failed)]
    [InlineData(HttpStatusCode.TooManyRequests, Outcome.Failed)]
    public async Task Http_errors_without_a_json_rpc_body_are_classified_by_status(HttpStatusCode status, Outcome outcome)
    {
        var (client, _) = Create((_, _) => Task.FromResult(StubHandler.Json("<html>gateway</html>", status)));

        var error = await Assert.ThrowsAsync<OdooTransportException>(() => client.CallAsync("object", "execute_kw", [], CancellationToken.None));

        Assert.Equal(($"http-{(int)status}", outcome, (int?)(int)status), (error.ErrorKind, error.Outcome, error.StatusCode));
    }

    [Fact]
    public async Task A_garbled_answer_is_unknown()
    {
        var (client, _) = Create((_, _) => Task.FromResult(StubHandler.Json("""{"jsonrpc":"2.0","id":1}""")));

        var error = await Assert.ThrowsAsync<OdooTransportException>(() => client.CallAsync("object", "execute_kw", [], CancellationToken.None));

        Assert.Equal(("bad-response", Outcome.Unknown), (error.ErrorKind, error.Outcome));
    }
}
