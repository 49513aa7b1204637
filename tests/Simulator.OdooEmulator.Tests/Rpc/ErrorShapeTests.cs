using System.Net;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Rpc;

/// <summary>Every failure comes back as HTTP 200 with Odoo's JSON-RPC error envelope.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class ErrorShapeTests(PostgresFixture postgres) : IAsyncLifetime
{
    private OdooRpcClient _rpc = null!;

    public async Task InitializeAsync() => _rpc = (await postgres.SharedEmulatorAsync()).CreateRpcClient();

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData(2, "wrong-password")]
    [InlineData(1, EmulatorFactory.Password)]
    [InlineData(99, EmulatorFactory.Password)]
    public async Task Bad_credentials_are_access_denied(long uid, string password)
    {
        var body = await _rpc.CallEnvelopeAsync("object", "execute_kw",
            OdooRpcClient.ExecuteKwArgs("res.partner", "search_read", [new JsonArray()], uid: uid, password: password));

        var data = OdooAssert.Error(body, "odoo.exceptions.AccessDenied");
        Assert.Equal("Access Denied", OdooAssert.Message(data));
        Assert.Equal("""["Access Denied"]""", data["arguments"]!.ToJsonString());
        Assert.Equal("odoo.exceptions.AccessDenied: Access Denied", (string?)data["debug"]);
    }

    [Fact]
    public async Task Credentials_are_checked_before_the_model()
    {
        var body = await _rpc.CallEnvelopeAsync("object", "execute_kw",
            OdooRpcClient.ExecuteKwArgs("no.such.model", "read", [new JsonArray()], password: "bad"));

        OdooAssert.Error(body, "odoo.exceptions.AccessDenied");
    }

    [Fact]
    public async Task Unknown_model_is_a_user_error()
    {
        var error = await _rpc.ExecuteKwErrorAsync("no.such.model", "search_read", [new JsonArray()]);

        Assert.Equal("odoo.exceptions.UserError", OdooAssert.Name(error));
        Assert.Equal("Object no.such.model doesn't exist", OdooAssert.Message(error));
    }

    [Fact]
    public async Task Unknown_method_is_an_attribute_error()
    {
        var error = await _rpc.ExecuteKwErrorAsync("sale.order", "action_teleport", [new JsonArray(1)]);

        Assert.Equal("builtins.AttributeError", OdooAssert.Name(error));
        Assert.Equal("The method 'action_teleport' does not exist on the model 'sale.order'", OdooAssert.Message(error));
    }

    [Fact]
    public async Task Private_method_is_an_access_error()
    {
        var error = await _rpc.ExecuteKwErrorAsync("sale.order", "_compute_amounts", [new JsonArray(1)]);

        Assert.Equal("odoo.exceptions.AccessError", OdooAssert.Name(error));
        Assert.Equal("Private methods (such as _compute_amounts) cannot be called remotely.", OdooAssert.Message(error));
    }

    [Fact]
    public async Task Unknown_object_service_method_is_a_name_error()
    {
        var body = await _rpc.CallEnvelopeAsync("object", "execute_sql",
            new JsonArray(EmulatorFactory.Database, 2, EmulatorFactory.Password, "SELECT 1"));

        var data = OdooAssert.Error(body, "builtins.NameError");
        Assert.Equal("Method not available execute_sql", OdooAssert.Message(data));
    }

    [Fact]
    public async Task Unknown_service_is_a_key_error()
    {
        var body = await _rpc.CallEnvelopeAsync("reports", "render", []);

        var data = OdooAssert.Error(body, "builtins.KeyError");
        Assert.Equal("'reports'", OdooAssert.Message(data));
    }

    [Theory]
    [InlineData("{not json", "werkzeug.exceptions.BadRequest", "Invalid JSON data")]
    [InlineData("[1, 2, 3]", "werkzeug.exceptions.BadRequest", "Invalid JSON-RPC data")]
    [InlineData("""{"jsonrpc":"2.0","method":"call","params":"common","id":1}""", "werkzeug.exceptions.BadRequest", "Invalid JSON-RPC data")]
    [InlineData("""{"jsonrpc":"2.0","method":"call","params":{"service":"common"},"id":1}""", "builtins.TypeError",
        "jsonrpc() missing 2 required positional arguments: 'method' and 'args'")]
    [InlineData("""{"jsonrpc":"2.0","method":"call","params":{"service":"common","method":"version","args":{}},"id":1}""", "builtins.TypeError",
        "argument after * must be an iterable, not dict")]
    public async Task Malformed_requests_get_the_error_envelope(string requestBody, string name, string message)
    {
        var (status, body) = await _rpc.PostRawAsync("/jsonrpc", requestBody);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2.0", (string?)body["jsonrpc"]);
        var data = OdooAssert.Error(body, name);
        Assert.Equal(message, OdooAssert.Message(data));
    }

    [Fact]
    public async Task The_request_id_is_echoed_on_errors()
    {
        var (_, body) = await _rpc.PostRawAsync("/jsonrpc", """{"jsonrpc":"2.0","method":"call","params":{"service":"nope","method":"x","args":[]},"id":"abc-1"}""");

        Assert.Equal("abc-1", (string?)body["id"]);
        OdooAssert.Error(body, "builtins.KeyError");
    }

    [Fact]
    public async Task Errors_are_counted()
    {
        var metrics = (await postgres.SharedEmulatorAsync()).Metrics;
        var before = metrics.Errors;

        await _rpc.ExecuteKwErrorAsync("no.such.model", "read", [new JsonArray()]);

        Assert.True(metrics.Errors > before);
    }
}
