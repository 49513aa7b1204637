using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using Simulator.OdooEmulator.Tests.Infrastructure;

namespace Simulator.OdooEmulator.Tests.Models.Attachments;

/// <summary><c>ir.attachment</c> contents in the database, or in S3 (a real s3rver) when configured.</summary>
[Collection(PostgresCollectionDefinition.Name)]
public sealed class AttachmentTests(PostgresFixture postgres)
{
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("Delivery slip for S00042\n");

    [Fact]
    public async Task Without_s3_the_content_is_stored_in_the_database()
    {
        var rpc = (await postgres.SharedEmulatorAsync()).CreateRpcClient();

        var id = await CreateAsync(rpc);
        var record = await ReadAsync(rpc, id);

        Assert.Equal(Convert.ToBase64String(Content), (string?)record["datas"]);
        Assert.Equal(Content.Length, (int)record["file_size"]!);
        Assert.Equal("text/plain", (string?)record["mimetype"]);
        Assert.Equal(Sha1(Content), (string?)record["checksum"]);
        Assert.False((bool)record["store_fname"]!);
    }

    [Fact]
    public async Task With_s3_the_content_round_trips_through_the_bucket_and_not_the_database()
    {
        await using var s3 = await S3rverServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("attachments_s3");
        await using var factory = new EmulatorFactory(database, S3Settings(s3, S3rverServer.SecretKey));
        var rpc = factory.CreateRpcClient();

        var id = await CreateAsync(rpc);
        var record = await ReadAsync(rpc, id);

        Assert.Equal(Convert.ToBase64String(Content), (string?)record["datas"]);
        var checksum = Sha1(Content);
        Assert.Equal($"{checksum[..2]}/{checksum}", (string?)record["store_fname"]);
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"SELECT db_datas IS NULL FROM ir_attachment WHERE id = {id}", connection);
            Assert.True((bool)(await command.ExecuteScalarAsync())!);
        }

        // The object is in s3rver's store, in the bucket the emulator created on first use.
        Assert.Contains(Directory.EnumerateFiles(s3.Directory, "*", SearchOption.AllDirectories),
            path => File.ReadAllBytes(path).AsSpan().SequenceEqual(Content));
        var listed = (await rpc.ExecuteKwAsync("ir.attachment", "search_read",
            [new JsonArray(new JsonArray("res_model", "=", "res.partner"), new JsonArray("res_id", "=", 1))], Json.Object("""{"fields": ["datas"]}""")))!.AsArray();
        Assert.Equal(Convert.ToBase64String(Content), (string?)Assert.Single(listed)!["datas"]);
    }

    [Fact]
    public async Task S3_errors_are_reported_as_boto3_would_and_roll_back_the_call()
    {
        await using var s3 = await S3rverServer.StartAsync();
        var settings = S3Settings(s3, S3rverServer.SecretKey);
        settings["Odoo:S3:AccessKey"] = "UNKNOWNKEY";
        await using var factory = new EmulatorFactory(await postgres.CreateDatabaseAsync("attachments_s3_errors"), settings);
        var rpc = factory.CreateRpcClient();

        // s3rver checks the access key id (it does not verify V4 signatures themselves).
        var rejected = await rpc.ExecuteKwErrorAsync("ir.attachment", "create", [AttachmentVals()]);
        Assert.Equal("botocore.exceptions.ClientError", OdooAssert.Name(rejected));
        Assert.Contains("InvalidAccessKeyId", OdooAssert.Message(rejected), StringComparison.Ordinal);
        Assert.Equal(0, (int)(await rpc.ExecuteKwAsync("ir.attachment", "search_count", [new JsonArray()]))!);

        await s3.DisposeAsync();
        var down = await rpc.ExecuteKwErrorAsync("ir.attachment", "create", [AttachmentVals()]);
        Assert.Equal("botocore.exceptions.EndpointConnectionError", OdooAssert.Name(down));
    }

    private static Dictionary<string, string?> S3Settings(S3rverServer s3, string secret) => new()
    {
        ["Odoo:S3:Endpoint"] = s3.Endpoint,
        ["Odoo:S3:Bucket"] = "odoo-test",
        ["Odoo:S3:AccessKey"] = S3rverServer.AccessKey,
        ["Odoo:S3:SecretKey"] = secret,
    };

    private static JsonObject AttachmentVals() => new()
    {
        ["name"] = "slip.txt",
        ["res_model"] = "res.partner",
        ["res_id"] = 1,
        ["datas"] = Convert.ToBase64String(Content),
    };

    private static async Task<int> CreateAsync(OdooRpcClient rpc) =>
        (int)(await rpc.ExecuteKwAsync("ir.attachment", "create", [AttachmentVals()]))!;

    private static async Task<JsonObject> ReadAsync(OdooRpcClient rpc, int id) =>
        (await rpc.ExecuteKwAsync("ir.attachment", "read", [new JsonArray(id),
            new JsonArray("datas", "file_size", "mimetype", "checksum", "store_fname")]))![0]!.AsObject();

#pragma warning disable CA5350 // Odoo's content address, not security.
    private static string Sha1(byte[] data) => Convert.ToHexStringLower(SHA1.HashData(data));
#pragma warning restore CA5350
}
