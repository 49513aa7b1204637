using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Tenants;

/// <summary>
/// One node serving two tenant databases, as an Odoo server with several databases: each request names its
/// database (RPC's first argument, the web session's <c>db</c>, JSON-2's <c>X-Odoo-Database</c>), and each
/// database has its own schema, demo data and records.
/// </summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class TenantDatabasesTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Each_request_runs_on_the_database_it_names_and_an_unknown_one_is_refused()
    {
        var acme = await postgres.CreateDatabaseAsync("acme");
        var globex = await postgres.CreateDatabaseAsync("globex");
        await using var emulator = new EmulatorFactory(acme, new Dictionary<string, string?>
        {
            ["Odoo:Tenants:acme"] = acme,
            ["Odoo:Tenants:globex"] = globex,
        });
        var rpc = emulator.CreateRpcClient();

        // Both databases got the schema and the demo data.
        Assert.Equal(200, (int)(await rpc.CallAsync("object", "execute_kw", Args("acme", "product.product", "search_count", [new JsonArray()])))!);
        Assert.Equal(200, (int)(await rpc.CallAsync("object", "execute_kw", Args("globex", "product.product", "search_count", [new JsonArray()])))!);

        // A record written in acme exists only there.
        await rpc.CallAsync("object", "execute_kw", Args("acme", "res.partner", "create", [new JsonObject { ["name"] = "Acme Only" }]));
        var onlyAcme = new JsonArray(new JsonArray(new JsonArray("name", "=", "Acme Only")));
        Assert.Equal(1, (int)(await rpc.CallAsync("object", "execute_kw", Args("acme", "res.partner", "search_count", onlyAcme)))!);
        Assert.Equal(0, (int)(await rpc.CallAsync("object", "execute_kw", Args("globex", "res.partner", "search_count", onlyAcme.DeepClone().AsArray())))!);

        // JSON-2 picks the database from X-Odoo-Database; none named while two are served, or an unknown one, is a 404.
        var http = emulator.CreateClient();
        var domain = """{"domain": [["name", "=", "Acme Only"]]}""";
        Assert.Equal((HttpStatusCode.OK, "1"), await Json2CountAsync(http, "acme", domain));
        Assert.Equal((HttpStatusCode.OK, "0"), await Json2CountAsync(http, "globex", domain));
        Assert.Equal(HttpStatusCode.NotFound, (await Json2CountAsync(http, null, domain)).Status);
        var (unknownStatus, unknownBody) = await Json2CountAsync(http, "initech", domain);
        Assert.Equal(HttpStatusCode.NotFound, unknownStatus);
        Assert.Equal("werkzeug.exceptions.NotFound", (string?)JsonNode.Parse(unknownBody)!["name"]);

        // RPC with an unknown database: the error Odoo's server gets opening a registry for it.
        var error = OdooAssert.Error(await rpc.CallEnvelopeAsync("object", "execute_kw", Args("initech", "res.partner", "search_count", [new JsonArray()])));
        Assert.Equal("psycopg2.OperationalError", OdooAssert.Name(error));
        Assert.Contains("database \"initech\" does not exist", OdooAssert.Message(error), StringComparison.Ordinal);

        // A web session runs its calls on the database it logged into.
        var web = emulator.CreateWebClient();
        var login = await web.PostAsync("/web/session/authenticate", new JsonObject
        {
            ["db"] = "globex", ["login"] = EmulatorFactory.Login, ["password"] = EmulatorFactory.Password,
        });
        Assert.Null(login["error"]);
        var count = await web.CallKwAsync("res.partner", "search_count", onlyAcme.DeepClone().AsArray());
        Assert.Equal(0, (int)count["result"]!);
    }

    private static JsonArray Args(string database, string model, string method, JsonArray args) =>
        new(database, 2, EmulatorFactory.Password, model, method, args);

    private static async Task<(HttpStatusCode Status, string Body)> Json2CountAsync(HttpClient http, string? database, string body)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri("/json/2/res.partner/search_count", UriKind.Relative))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        message.Headers.Authorization = new AuthenticationHeaderValue("bearer", EmulatorFactory.ApiKey);
        if (database is not null)
        {
            message.Headers.Add("X-Odoo-Database", database);
        }

        using var response = await http.SendAsync(message);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
