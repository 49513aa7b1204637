using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Rpc;

[Collection(PostgresCollectionDefinition.Name)]
public sealed class CommonServiceTests(PostgresFixture postgres) : IAsyncLifetime
{
    private OdooRpcClient _rpc = null!;

    public async Task InitializeAsync() => _rpc = (await postgres.SharedEmulatorAsync()).CreateRpcClient();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Version_has_Odoo_shape()
    {
        var result = Assert.IsType<JsonObject>(await _rpc.CallAsync("common", "version", []));

        Assert.Equal(["protocol_version", "server_serie", "server_version", "server_version_info"], result.Select(p => p.Key).Order());
        Assert.Equal("17.0", (string?)result["server_version"]);
        Assert.Equal("17.0", (string?)result["server_serie"]);
        Assert.Equal(1, (int?)result["protocol_version"]);
        Assert.Equal("""[17,0,0,"final",0,""]""", result["server_version_info"]!.ToJsonString());
    }

    [Fact]
    public async Task Authenticate_with_valid_credentials_returns_admin_uid()
    {
        var uid = await _rpc.CallAsync("common", "authenticate",
            new JsonArray(EmulatorFactory.Database, EmulatorFactory.Login, EmulatorFactory.Password, new JsonObject()));

        Assert.Equal(2, (int?)uid);
    }

    [Fact]
    public async Task Login_with_valid_credentials_returns_admin_uid()
    {
        var uid = await _rpc.CallAsync("common", "login",
            new JsonArray(EmulatorFactory.Database, EmulatorFactory.Login, EmulatorFactory.Password));

        Assert.Equal(2, (int?)uid);
    }

    [Theory]
    [InlineData(EmulatorFactory.Login, "wrong")]
    [InlineData("nobody", EmulatorFactory.Password)]
    [InlineData(EmulatorFactory.Login, "")]
    public async Task Authenticate_with_bad_credentials_returns_false(string login, string password)
    {
        var uid = await _rpc.CallAsync("common", "authenticate",
            new JsonArray(EmulatorFactory.Database, login, password, new JsonObject()));

        Assert.Equal(JsonValueKind.False, uid!.GetValueKind());
    }

    [Fact]
    public async Task Authenticate_against_unknown_database_is_an_operational_error()
    {
        var body = await _rpc.CallEnvelopeAsync("common", "authenticate",
            new JsonArray("nope", EmulatorFactory.Login, EmulatorFactory.Password, new JsonObject()));

        var data = OdooAssert.Error(body, "psycopg2.OperationalError");
        Assert.Contains("database \"nope\" does not exist", OdooAssert.Message(data), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authenticate_with_missing_argument_is_a_type_error()
    {
        var body = await _rpc.CallEnvelopeAsync("common", "authenticate",
            new JsonArray(EmulatorFactory.Database, EmulatorFactory.Login, EmulatorFactory.Password));

        var data = OdooAssert.Error(body, "builtins.TypeError");
        Assert.Equal("exp_authenticate() missing 1 required positional argument: 'user_agent_env'", OdooAssert.Message(data));
    }

    [Fact]
    public async Task Unknown_common_method_is_Odoos_method_not_found()
    {
        var body = await _rpc.CallEnvelopeAsync("common", "frobnicate", []);

        var data = OdooAssert.Error(body, "builtins.Exception");
        Assert.Equal("Method not found: frobnicate", OdooAssert.Message(data));
    }

    [Fact]
    public async Task Version_info_answers_json_rpc_post_and_get()
    {
        var (status, body) = await _rpc.PostRawAsync("/web/webclient/version_info", """{"jsonrpc":"2.0","method":"call","params":{},"id":7}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(7, (int?)body["id"]);
        Assert.Equal("17.0", (string?)body["result"]!["server_version"]);

        var get = JsonNode.Parse(await _rpc.Http.GetStringAsync(new Uri("/web/webclient/version_info", UriKind.Relative)))!;
        Assert.Equal("17.0", (string?)get["result"]!["server_serie"]);
    }

    [Fact]
    public async Task Health_passes_and_reports_the_database_only_when_asked()
    {
        using var response = await _rpc.Http.GetAsync(new Uri("/web/health", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"status":"pass"}""", await response.Content.ReadAsStringAsync());

        using var withDatabase = await _rpc.Http.GetAsync(new Uri("/web/health?db_server_status=1", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, withDatabase.StatusCode);
        Assert.Equal("""{"status":"pass","db_server_status":true}""", await withDatabase.Content.ReadAsStringAsync());

        // As in Odoo, an empty value does not ask for the probe.
        using var empty = await _rpc.Http.GetAsync(new Uri("/web/health?db_server_status=", UriKind.Relative));
        Assert.Equal("""{"status":"pass"}""", await empty.Content.ReadAsStringAsync());
    }
}
