using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Simulator.Load.Ledger;
using Simulator.Load.Odoo;
using Simulator.Load.Reports;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// Stands the real single-region topology up through Aspire.Hosting.Testing — PostgreSQL primary and
/// replica, Redis, s3rver, two Odoo emulators, HAProxy — and drives order import, warehouse scanning,
/// portal browsing and a browser user (web-browse) through the ingress at once, with eu's Redis killed for 5 s
/// midway: the External API workloads must not feel it, the browser user must (its web session is lost);
/// meanwhile an attachment uploaded through the ingress is fetched back from s3rver, and afterwards the
/// primary's tables are checked for consistency.
/// </summary>
public sealed class NativeRunTests
{
    private static readonly string[] ConcurrencyFailures = ["psycopg2.errors.SerializationFailure", "psycopg2.errors.DeadlockDetected"];

    /// <summary>What a browser user may meet while Redis is down (the emulator as Odoo: redis-py's errors) and after.</summary>
    private static readonly string[] SessionStoreFailures = ["redis.exceptions.ConnectionError", "redis.exceptions.TimeoutError", WebSessionExpiredException.Kind];

    [Fact]
    public async Task Import_scan_and_browse_at_once_lose_no_order_attachments_land_in_s3_and_only_web_sessions_feel_a_redis_loss()
    {
        var output = Fixtures.TempFolder();
        var scenario = ScenarioFiles.Load(Fixtures.Path("import-and-scan.yaml"), durationOverride: null, Console.Error);
        Assert.NotNull(scenario);
        var endpointsFile = Path.Combine(output, "endpoints.json");
        DatabaseConsistency? database = null;
        var run = new ScenarioRun(scenario, TopologyCatalog.SingleRegionHa, output, TextWriter.Null)
        {
            CreateBuilder = TestingBuilders.Create,
            EndpointsFile = endpointsFile,
            BeforeTeardown = async (topology, ct) =>
            {
                var primary = await topology.Primary.Resource.ConnectionStringExpression.GetValueAsync(ct);
                var ledger = await LedgerFile.ReadAsync(Path.Combine(output, LedgerWriter.FileName), ct);
                database = await DatabaseConsistency.ReadAsync(primary!, [.. ledger.Select(e => e.Id)], ct);
            },
        };

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var running = run.RunAsync(TimeProvider.System, timeout.Token);
        // The endpoints file is written once every resource is healthy, before the load: probe while it runs.
        using var endpoints = await ReadWhenWrittenAsync(endpointsFile, running);
        var eu = endpoints.RootElement.GetProperty("regions").GetProperty("eu");
        await AssertAttachmentLandsInS3Async(eu);
        var report = await running;

        var workloads = report.Workloads.ToDictionary(w => w.Name);
        Assert.Equal(["order-import", "portal-browse", "warehouse-scan", "web-browse"], workloads.Keys.Order());
        var import = workloads["order-import"];
        Assert.True(import.Ok > 0, "no order was acknowledged");
        // Only Odoo's concurrency failures (a confirmation meeting a validation on the same quants), never the Redis
        // loss's (a 2026-11-30 run under load failed 1 of 119 orders with SerializationFailure); the rate is the
        // scenario's order-import.error_rate < 1%, judged by report.Passed below.
        Assert.All(import.ErrorKinds.Keys, kind => Assert.Contains(kind, ConcurrencyFailures));
        Assert.NotNull(import.AchievedRate);
        Assert.NotNull(import.TargetRate);
        Assert.InRange(import.AchievedRate.Value, 0.95 * import.TargetRate.Value, 1.05 * import.TargetRate.Value);
        Assert.Equal(import.Ok, report.Ledger.Acknowledged);
        Assert.Equal(0, report.Ledger.Lost);
        // Every imported order's source document went to s3rver (the emulator fails the call when S3 does).
        Assert.Equal(import.Ok, import.Operations.Single(o => o.Name == "import.attach").Ok);
        Assert.Equal(["import.attach", "import.confirm", "import.create", "import.read"], import.Operations.Select(o => o.Name).Order());

        // The scanners validated deliveries the import created; only Odoo's concurrency failures may fail them.
        var scan = workloads["warehouse-scan"];
        Assert.True(scan.Ok > 0, "no delivery was validated");
        Assert.Equal(0, scan.Unknown);
        Assert.All(scan.ErrorKinds.Keys, kind => Assert.Contains(kind, ConcurrencyFailures));
        Assert.Equal(["scan.lookup", "scan.open", "scan.update", "scan.validate"], scan.Operations.Select(o => o.Name).Order());
        Assert.Equal(scan.Ok, scan.Operations.Single(o => o.Name == "scan.validate").Ok);
        var browse = workloads["portal-browse"];
        Assert.True(browse.Ok > 0 && browse.Failed == 0, $"portal-browse: ok {browse.Ok}, failed {browse.Failed}");

        // The Redis loss: the browser user was logged out (session-expired, once Redis was back and empty), failed only
        // with the session store's errors, and logged in again; the External API workloads above never noticed.
        Assert.Equal("eu-redis", Assert.Single(report.Faults).Target);
        var web = workloads["web-browse"];
        Assert.True(web.ErrorKinds.GetValueOrDefault(WebSessionExpiredException.Kind) >= 1, "web-browse: " + string.Join(", ", web.ErrorKinds));
        Assert.All(web.ErrorKinds.Keys, kind => Assert.Contains(kind, SessionStoreFailures));
        Assert.True(web.Operations.Single(o => o.Name == "web.login").Ok >= 1, "web-browse never logged in again");
        Assert.True(web.Ok > 0, "web-browse: no iteration succeeded");
        Assert.True(report.Passed, string.Join("; ", report.Thresholds.Select(t => $"{t.Expression}: {t.Actual}")));

        // The database after both workloads: every acknowledged order confirmed with lines and one delivery, every
        // validated delivery done in full, stock = seeded − delivered and reservations = open deliveries, none negative.
        Assert.NotNull(database);
        Assert.Equal(report.Ledger.Acknowledged, database.ConfirmedOrdersWithLinesAndOneDelivery);
        Assert.True(database.DonePickings >= scan.Ok, $"{database.DonePickings} done deliveries for {scan.Ok} validations");
        Assert.Empty(database.ShortDoneMoves);
        Assert.True(database.StockQuantsChecked > 0, "no stock quant was found to check");
        Assert.Empty(database.InconsistentQuants);
        Assert.Equal(0, database.NegativeQuants);

        // What was written agrees with what was returned.
        var written = await ReportJson.ReadAsync(Path.Combine(output, ReportJson.FileName), CancellationToken.None);
        Assert.Equal(report.Ledger, written.Ledger);
        var ledger = await LedgerFile.ReadAsync(Path.Combine(output, LedgerWriter.FileName), CancellationToken.None);
        Assert.Equal(report.Ledger.Acknowledged, ledger.Count);
        Assert.All(ledger, e => Assert.Matches("^S[0-9]{5,}$", e.Id));
        Assert.All(ledger, e => Assert.Equal("order-import", e.Workload));
        Assert.Contains("lost_writes == 0", await File.ReadAllTextAsync(Path.Combine(output, ReportMarkdown.FileName)), StringComparison.Ordinal);

        Assert.Equal("native", endpoints.RootElement.GetProperty("runtime").GetString());
        Assert.StartsWith("http://127.0.0.1:", eu.GetProperty("odoo").GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Contains("Host=127.0.0.1", eu.GetProperty("postgres").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "logs", "eu-s3.log")), "s3rver's log was not collected");
        // The processes' own words are kept, not just empty files: both servers say when they are ready.
        Assert.Contains("ready to accept connections", await File.ReadAllTextAsync(Path.Combine(output, "logs", "eu-pg-1.log")), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ready to accept connections", await File.ReadAllTextAsync(Path.Combine(output, "logs", "eu-redis.log")), StringComparison.OrdinalIgnoreCase);

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(10));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    /// <summary>
    /// Uploads an attachment through the region's ingress with the run's login, reads where Odoo stored it, and
    /// fetches that object from the region's s3rver; then finds it again through the JSON-2 API with the run's key.
    /// </summary>
    private static async Task AssertAttachmentLandsInS3Async(JsonElement region)
    {
        var odoo = region.GetProperty("odoo");
        var s3 = region.GetProperty("s3").GetString()!;
        Assert.StartsWith("http://127.0.0.1:", s3, StringComparison.Ordinal);
        using var http = new HttpClient();
        var client = new OdooClient(http, new Uri(odoo.GetProperty("url").GetString()!), TimeProvider.System);
        await client.AuthenticateAsync(
            odoo.GetProperty("database").GetString()!, odoo.GetProperty("login").GetString()!, odoo.GetProperty("password").GetString()!, CancellationToken.None);
        var content = Encoding.UTF8.GetBytes($"integration probe {Guid.NewGuid()}\n");
        var values = new Dictionary<string, object?>
        {
            ["name"] = "probe.txt", ["res_model"] = "res.partner", ["res_id"] = 1, ["datas"] = Convert.ToBase64String(content),
        };
        int id = (await client.ExecuteKwAsync("ir.attachment", "create", [values], null, CancellationToken.None)).GetInt32();
        // Odoo sends the read to the replica, which may lag the create by a moment.
        var stored = await ReadStoredAsync(client, id);

        var fetched = await http.GetByteArrayAsync(new Uri($"{s3}/odoo-attachments/{stored.StoreName}"));
        Assert.Equal(content, fetched);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"{odoo.GetProperty("url").GetString()}/json/2/ir.attachment/search_read"))
        {
            Content = new StringContent($$"""{"domain": [["id", "=", {{id}}]], "fields": ["checksum"]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("bearer", odoo.GetProperty("apiKey").GetString());
        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"JSON-2 answered {(int)response.StatusCode}");
        using var rows = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(stored.Checksum, Assert.Single(rows.RootElement.EnumerateArray()).GetProperty("checksum").GetString());
    }

    private static async Task<(string StoreName, string Checksum)> ReadStoredAsync(OdooClient client, int id)
    {
        string[] fields = ["store_fname", "checksum"];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var row = (await client.ExecuteKwAsync("ir.attachment", "read", [new[] { id }], new Dictionary<string, object?> { ["fields"] = fields }, CancellationToken.None))[0];
                return (row.GetProperty("store_fname").GetString()!, row.GetProperty("checksum").GetString()!);
            }
            catch (OdooRpcException e) when (e.OdooName == "odoo.exceptions.MissingError" && attempt < 20)
            {
                await Task.Delay(100);
            }
        }
    }

    private static async Task<JsonDocument> ReadWhenWrittenAsync(string path, Task running)
    {
        while (true)
        {
            if (running.IsCompleted)
            {
                await running;
                throw new InvalidOperationException("the run ended before writing the endpoints file");
            }

            try
            {
                return JsonDocument.Parse(await File.ReadAllTextAsync(path));
            }
            catch (Exception ex) when (ex is FileNotFoundException or JsonException or IOException)
            {
                await Task.Delay(200);
            }
        }
    }
}
