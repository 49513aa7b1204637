using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Attachments;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Models.Orm;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Attachments;

/// <summary>
/// <c>ir.attachment</c>: <c>datas</c> is the content in base64, as in Odoo. The bytes go to S3
/// (key = Odoo's filestore path from the SHA-1) when configured, else into <c>db_datas</c>;
/// <c>checksum</c>, <c>file_size</c> and <c>store_fname</c> are computed from them.
/// </summary>
internal sealed class IrAttachmentModel(AttachmentStorage storage) : OdooModel
{
    private const string DatasExpression = "translate(encode({0}.db_datas, 'base64'), E'\\n', '')";
    private static readonly string[] WriteParameters = ["vals"];

    private static readonly Dictionary<string, string> MimeTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = "text/plain", [".csv"] = "text/csv", [".json"] = "application/json", [".xml"] = "application/xml",
        [".pdf"] = "application/pdf", [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg",
    };

    private static readonly ModelDefinition Model = new("ir.attachment", "Attachment", "ir_attachment")
    {
        DefaultOrder = "id desc",
        Fields =
        [
            StandardFields.Id,
            FieldDefinition.Stored("name", FieldType.Char, "Name") with { Required = true },
            StandardFields.DisplayName("name", "{0}.name"),
            FieldDefinition.Stored("res_model", FieldType.Char, "Resource Model"),
            FieldDefinition.Stored("res_id", FieldType.Integer, "Resource ID"),
            FieldDefinition.Selection("type", "Type", "url", "binary"),
            FieldDefinition.Stored("mimetype", FieldType.Char, "Mime Type"),
            new FieldDefinition("datas", FieldType.Binary, "File Content (base64)") { ReadExpression = DatasExpression },
            FieldDefinition.Stored("file_size", FieldType.Integer, "File Size") with { ReadOnly = true },
            FieldDefinition.Stored("checksum", FieldType.Char, "Checksum/SHA1") with { ReadOnly = true },
            FieldDefinition.Stored("store_fname", FieldType.Char, "Stored Filename") with { ReadOnly = true },
            StandardFields.CreateDate,
            StandardFields.WriteDate,
        ],
    };

    public override ModelDefinition Definition => Model;

    public override ModelMethod? FindMethod(string name) => name switch
    {
        "read" => WithContentsAsync(base.FindMethod("read")!),
        "search_read" => WithContentsAsync(base.FindMethod("search_read")!),
        "write" => WriteContentsAsync,
        _ => base.FindMethod(name),
    };

    protected override async Task<JsonNode?> CreateAsync(ModelCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (valsList, single) = ValsList(call);
        var rows = new List<List<(string Column, object? Value)>>();
        var uploads = new List<(string StoreName, byte[] Content)>();
        foreach (var vals in valsList)
        {
            var (columns, upload) = Columns(vals, creating: true);
            rows.Add(columns);
            if (upload is { } u)
            {
                uploads.Add(u);
            }
        }

        await call.SpendCostAsync(cancellationToken);
        // Like Odoo's filestore, the content is written during the call; a rolled-back call leaves an orphan object.
        foreach (var (storeName, content) in uploads.DistinctBy(u => u.StoreName))
        {
            await storage.PutAsync(storeName, content, cancellationToken);
        }

        var ids = new List<int>();
        foreach (var columns in rows)
        {
            ids.Add(await RecordWriter.InsertAsync(call, Definition, columns, cancellationToken));
        }

        return single ? ids[0] : new JsonArray(ids.Select(id => (JsonNode)id).ToArray());
    }

    private async Task<JsonNode?> WriteContentsAsync(ModelCall call, CancellationToken cancellationToken)
    {
        var (ids, args) = SplitIds(call, "write", WriteParameters, 1);
        var (columns, upload) = Columns(args[0], creating: false);
        await CheckExistAsync(call, ids, cancellationToken);
        await call.SpendCostAsync(cancellationToken);
        if (upload is { } u)
        {
            await storage.PutAsync(u.StoreName, u.Content, cancellationToken);
        }

        if (ids.Length > 0)
        {
            await RecordWriter.UpdateAsync(call, Definition, ids, columns, cancellationToken);
        }

        return true;
    }

    /// <summary>The columns for a vals dict; <c>datas</c> becomes the content columns (and an S3 upload).</summary>
    private (List<(string Column, object? Value)> Columns, (string StoreName, byte[] Content)? Upload) Columns(JsonNode? vals, bool creating)
    {
        if (vals is not JsonObject dict)
        {
            throw OdooException.TypeError($"vals must be a dict, not {PyValues.PyTypeName(vals)}");
        }

        var rest = dict.DeepClone().AsObject();
        rest.TryGetPropertyValue("datas", out var datas);
        rest.Remove("datas");
        var columns = RecordWriter.ColumnValues(Definition, rest);
        if (creating && !columns.Any(c => c.Column == "type"))
        {
            columns.Add(("type", "binary"));
        }

        if (!dict.ContainsKey("datas"))
        {
            return (columns, null);
        }

        var content = Decode(datas);
        // SHA-1 is what Odoo names filestore files by (a content address, not a security measure).
#pragma warning disable CA5350
        var checksum = Convert.ToHexStringLower(SHA1.HashData(content));
#pragma warning restore CA5350
        var storeName = AttachmentStorage.StoreName(checksum);
        columns.Add(("checksum", checksum));
        columns.Add(("file_size", content.Length));
        if (creating && !columns.Any(c => c.Column == "mimetype"))
        {
            var name = PyValues.AsString(dict["name"]) ?? "";
            columns.Add(("mimetype", MimeTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream")));
        }

        if (storage.UsesS3)
        {
            columns.Add(("store_fname", storeName));
            columns.Add(("db_datas", null));
            return (columns, (storeName, content));
        }

        columns.Add(("store_fname", null));
        columns.Add(("db_datas", content));
        return (columns, null);
    }

    private static byte[] Decode(JsonNode? datas)
    {
        if (PyValues.IsFalseOrNull(datas))
        {
            return [];
        }

        var text = PyValues.AsString(datas) ?? throw OdooException.TypeError($"datas must be a base64 string, not {PyValues.PyTypeName(datas)}");
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new OdooException("binascii.Error", "Incorrect padding");
        }
    }

    /// <summary>Reads as usual, then fills <c>datas</c> of S3-stored records from S3.</summary>
    private ModelMethod WithContentsAsync(ModelMethod read) => async (call, cancellationToken) =>
    {
        var result = await read(call, cancellationToken);
        if (!storage.UsesS3 || result is not JsonArray records || records.Count == 0 || !records.Any(r => r is JsonObject o && o.ContainsKey("datas")))
        {
            return result;
        }

        var parameters = new SqlParameters();
        var ids = records.Select(r => (int)r!["id"]!).ToArray();
        var stored = new Dictionary<int, string>();
        await using (var command = call.Cursor.CreateCommand(
            $"SELECT id, store_fname FROM ir_attachment WHERE id = ANY({parameters.Add(ids)}) AND store_fname IS NOT NULL", parameters))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                stored[reader.GetInt32(0)] = reader.GetString(1);
            }
        }

        foreach (var record in records.OfType<JsonObject>())
        {
            if (record.ContainsKey("datas") && stored.TryGetValue((int)record["id"]!, out var storeName))
            {
                record["datas"] = Convert.ToBase64String(await storage.GetAsync(storeName, cancellationToken));
            }
        }

        return result;
    };
}
