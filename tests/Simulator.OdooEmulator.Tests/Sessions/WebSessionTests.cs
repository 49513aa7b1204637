using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Sessions;

/// <summary><c>/web/session/authenticate</c> then <c>/web/dataset/call_kw</c>, with sessions in memory.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class WebSessionTests(PostgresFixture postgres) : IAsyncLifetime
{
    private EmulatorFactory _factory = null!;

    public async Task InitializeAsync() => _factory = await postgres.SharedEmulatorAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Authenticate_sets_a_session_cookie_that_call_kw_runs_as()
    {
        var web = new OdooWebClient(_factory.CreateClient());
        var info = await web.AuthenticateAsync();

        Assert.Equal(2, (int?)info["uid"]);
        Assert.Equal(EmulatorFactory.Database, (string?)info["db"]);
        Assert.Equal(84, web.SessionId!.Length);

        var rows = await web.CallKwAsync("res.partner", "search_read", [new JsonArray(new JsonArray("id", "=", 1))], Json.Object("""{"fields": ["name"]}"""));
        Assert.True(rows["error"] is null, rows.ToJsonString());
        Assert.Equal(1, (int?)rows["result"]![0]!["id"]);

        // The web client's form: the model and method repeated in the path.
        var count = await web.CallKwAsync("res.partner", "search_count", [new JsonArray()], path: "/web/dataset/call_kw/res.partner/search_count");
        Assert.True((int)count["result"]! > 0, count.ToJsonString());

        var sessionInfo = await web.PostAsync("/web/session/get_session_info", []);
        Assert.Equal(2, (int?)sessionInfo["result"]!["uid"]);
    }

    [Fact]
    public async Task Call_kw_without_a_session_is_odoo_session_expired()
    {
        var web = new OdooWebClient(_factory.CreateClient());
        var anonymous = await web.CallKwAsync("res.partner", "search", [new JsonArray()]);
        AssertSessionExpired(anonymous);

        web.SessionId = "not-a-session";
        AssertSessionExpired(await web.CallKwAsync("res.partner", "search", [new JsonArray()]));
    }

    [Fact]
    public async Task Destroyed_session_no_longer_works()
    {
        var web = new OdooWebClient(_factory.CreateClient());
        await web.AuthenticateAsync();
        Assert.True((await web.PostAsync("/web/session/destroy", []))["error"] is null);

        AssertSessionExpired(await web.CallKwAsync("res.partner", "search", [new JsonArray()]));
    }

    [Fact]
    public async Task Bad_password_is_access_denied_and_sets_no_session()
    {
        var web = new OdooWebClient(_factory.CreateClient());
        var body = await web.PostAsync("/web/session/authenticate", new JsonObject
        {
            ["db"] = EmulatorFactory.Database,
            ["login"] = EmulatorFactory.Login,
            ["password"] = "wrong",
        });

        var data = OdooAssert.Error(body, "odoo.exceptions.AccessDenied");
        Assert.Equal("Access Denied", OdooAssert.Message(data));
        Assert.Null(web.SessionId);
    }

    [Fact]
    public async Task Call_kw_errors_keep_odoo_shape()
    {
        var web = new OdooWebClient(_factory.CreateClient());
        await web.AuthenticateAsync();

        var body = await web.CallKwAsync("res.partner", "read", [new JsonArray(1)], Json.Object("""{"fields": ["nope"]}"""));

        Assert.Contains("nope", OdooAssert.Message(OdooAssert.Error(body, "builtins.ValueError")), StringComparison.Ordinal);
    }

    internal static void AssertSessionExpired(JsonObject body)
    {
        var error = Assert.IsType<JsonObject>(body["error"]);
        Assert.Equal(100, (int?)error["code"]);
        Assert.Equal("Odoo Session Expired", (string?)error["message"]);
        Assert.Equal("odoo.http.SessionExpiredException", (string?)error["data"]!["name"]);
        Assert.Equal("Session expired", (string?)error["data"]!["message"]);
    }
}
