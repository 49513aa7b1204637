using System.Net;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Rpc.Json2;

/// <summary>Odoo 19's <c>POST /json/2/&lt;model&gt;/&lt;method&gt;</c>: named arguments in, bare results or HTTP-coded errors out.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class Json2Tests(PostgresFixture postgres) : IAsyncLifetime
{
    private OdooWebClient _web = null!;

    public async Task InitializeAsync() => _web = (await postgres.SharedEmulatorAsync()).CreateWebClient();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Search_read_takes_named_arguments_and_returns_the_bare_result()
    {
        var (status, body, _) = await _web.Json2Async("res.partner", "search_read",
            Json.Object("""{"domain": [["is_company", "=", true]], "fields": ["name"], "limit": 3, "context": {"lang": "en_US"}}"""),
            EmulatorFactory.ApiKey);

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = Assert.IsType<JsonArray>(body);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, row => Assert.Equal(["id", "name"], row!.AsObject().Select(p => p.Key).Order()));
    }

    [Fact]
    public async Task Record_methods_take_ids_and_write_read_unlink_round_trip()
    {
        var (_, created, _) = await _web.Json2Async("res.partner", "create", Json.Object("""{"vals_list": [{"name": "Json2 Partner"}]}"""), EmulatorFactory.ApiKey);
        var id = (int)created![0]!;

        var (writeStatus, written, _) = await _web.Json2Async("res.partner", "write",
            new JsonObject { ["ids"] = new JsonArray(id), ["vals"] = new JsonObject { ["city"] = "Ghent" } }, EmulatorFactory.ApiKey);
        Assert.Equal(HttpStatusCode.OK, writeStatus);
        Assert.True((bool)written!);

        var (_, read, _) = await _web.Json2Async("res.partner", "read",
            new JsonObject { ["ids"] = new JsonArray(id), ["fields"] = new JsonArray("name", "city") }, EmulatorFactory.ApiKey);
        Assert.Equal($$"""[{"id":{{id}},"name":"Json2 Partner","city":"Ghent"}]""", read!.ToJsonString());

        var (unlinkStatus, _, _) = await _web.Json2Async("res.partner", "unlink", new JsonObject { ["ids"] = new JsonArray(id) }, EmulatorFactory.ApiKey);
        Assert.Equal(HttpStatusCode.OK, unlinkStatus);

        var (missingStatus, missing, _) = await _web.Json2Async("res.partner", "read", new JsonObject { ["ids"] = new JsonArray(id) }, EmulatorFactory.ApiKey);
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        Assert.Equal("odoo.exceptions.MissingError", (string?)AssertError(missing)["name"]);
    }

    [Fact]
    public async Task Missing_or_wrong_api_key_is_401_with_a_bearer_challenge()
    {
        var (status, body, challenge) = await _web.Json2Async("res.partner", "search", Json.Object("""{"domain": []}"""), apiKey: null);
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("Bearer", challenge);
        Assert.Equal("werkzeug.exceptions.Unauthorized", (string?)AssertError(body)["name"]);

        (status, body, _) = await _web.Json2Async("res.partner", "search", Json.Object("""{"domain": []}"""), "wrong-key");
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        var error = AssertError(body);
        Assert.Equal("Invalid apikey", (string?)error["message"]);
        Assert.Equal("""["Invalid apikey",401]""", error["arguments"]!.ToJsonString());
    }

    [Theory]
    [InlineData("no.model", "search", """{"domain": []}""", HttpStatusCode.NotFound, "werkzeug.exceptions.NotFound")]
    [InlineData("res.partner", "no_method", """{}""", HttpStatusCode.NotFound, "werkzeug.exceptions.NotFound")]
    [InlineData("res.partner", "_private", """{}""", HttpStatusCode.Forbidden, "odoo.exceptions.AccessError")]
    [InlineData("res.partner", "search", """{"ids": [1], "domain": []}""", HttpStatusCode.UnprocessableEntity, "werkzeug.exceptions.UnprocessableEntity")]
    [InlineData("res.partner", "search", """{"domain": [], "bogus": 1}""", HttpStatusCode.UnprocessableEntity, "werkzeug.exceptions.UnprocessableEntity")]
    [InlineData("res.partner", "search_read", """{"domain": [["nope", "=", 1]]}""", HttpStatusCode.InternalServerError, "builtins.ValueError")]
    [InlineData("res.partner", "create", """{"vals_list": [{"nope": 1}]}""", HttpStatusCode.InternalServerError, "builtins.ValueError")]
    [InlineData("sale.order", "action_confirm", """{"ids": [999999]}""", HttpStatusCode.NotFound, "odoo.exceptions.MissingError")]
    public async Task Errors_use_odoo_19_status_codes(string model, string method, string body, HttpStatusCode expected, string name)
    {
        var (status, response, _) = await _web.Json2Async(model, method, Json.Object(body), EmulatorFactory.ApiKey);

        Assert.Equal(expected, status);
        Assert.Equal(name, (string?)AssertError(response)["name"]);
    }

    [Fact]
    public async Task Only_post_is_allowed()
    {
        var (status, body, _) = await _web.Json2Async("res.partner", "search", null, EmulatorFactory.ApiKey, HttpMethod.Get);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, status);
        Assert.Equal("werkzeug.exceptions.MethodNotAllowed", (string?)AssertError(body)["name"]);
    }

    /// <summary>Odoo's serialized exception: name, message, arguments, context, debug (no traceback here).</summary>
    private static JsonObject AssertError(JsonNode? body)
    {
        var error = Assert.IsType<JsonObject>(body);
        Assert.Equal(["arguments", "context", "debug", "message", "name"], error.Select(p => p.Key).Order());
        Assert.DoesNotContain("\n", (string)error["debug"]!, StringComparison.Ordinal);
        return error;
    }
}
