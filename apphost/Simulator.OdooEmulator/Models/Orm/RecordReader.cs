using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Database;

namespace Simulator.OdooEmulator.Models.Orm;

/// <summary>
/// Reads records into Odoo's <c>read()</c> shape with one query: many2one display names and
/// one2many id lists come from correlated subqueries rather than one query per record.
/// </summary>
internal static class RecordReader
{
    private const string Alias = "t";

    /// <summary>Rows matching <paramref name="where"/> (a condition on alias <c>t</c>).</summary>
    public static async Task<List<JsonObject>> SelectAsync(
        ModelCall call,
        ModelDefinition model,
        IReadOnlyList<FieldDefinition> fields,
        string where,
        SqlParameters parameters,
        string orderBy,
        long? limit,
        long offset,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(fields);
        var sql = new StringBuilder("SELECT t.id");
        foreach (var field in fields)
        {
            sql.Append(", ").Append(SelectExpression(call.Registry, field));
        }

        sql.Append(CultureInfo.InvariantCulture, $" FROM {model.Table} {Alias} WHERE {where} ORDER BY {orderBy}");
        if (limit is { } rows)
        {
            sql.Append(" LIMIT ").Append(parameters.Add(rows));
        }

        if (offset > 0)
        {
            sql.Append(" OFFSET ").Append(parameters.Add(offset));
        }

        var records = new List<JsonObject>();
        await using var command = call.Cursor.CreateCommand(sql.ToString(), parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var record = new JsonObject { ["id"] = reader.GetInt32(0) };
            var ordinal = 1;
            foreach (var field in fields)
            {
                record[field.Name] = FieldValues.Read(reader, ordinal, field);
                ordinal += FieldValues.ColumnCount(field);
            }

            records.Add(record);
        }

        return records;
    }

    /// <summary>Odoo's <c>read(ids, fields)</c>: records in the order of the ids, MissingError if any is gone.</summary>
    public static async Task<JsonArray> ReadAsync(
        ModelCall call, ModelDefinition model, int[] ids, IReadOnlyList<FieldDefinition> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(ids);
        var parameters = new SqlParameters();
        var where = $"t.id = ANY({parameters.Add(ids)})";
        var rows = await SelectAsync(call, model, fields, where, parameters, "t.id", null, 0, cancellationToken);
        var byId = rows.ToDictionary(row => (int)row["id"]!);
        var missing = ids.Where(id => !byId.ContainsKey(id)).ToArray();
        if (missing.Length > 0)
        {
            throw RecordIds.Missing(model.Name, missing, call.Uid);
        }

        return new JsonArray(ids.Select(id => (JsonNode)byId[id]).ToArray());
    }

    /// <summary>Ids among <paramref name="ids"/> that do not exist (Odoo's <c>exists()</c> check).</summary>
    public static async Task<int[]> FindMissingAsync(ModelCall call, ModelDefinition model, int[] ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(model);
        var parameters = new SqlParameters();
        var sql = $"SELECT id FROM {model.Table} WHERE id = ANY({parameters.Add(ids)})";
        var found = new HashSet<int>();
        await using var command = call.Cursor.CreateCommand(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(reader.GetInt32(0));
        }

        return ids.Where(id => !found.Contains(id)).ToArray();
    }

    private static string SelectExpression(ModelRegistry registry, FieldDefinition field)
    {
        if (field.ReadExpression is { } expression)
        {
            return string.Format(CultureInfo.InvariantCulture, expression, Alias);
        }

        switch (field.Type)
        {
            case FieldType.Many2one:
                var target = registry.Get(field.Comodel!).Definition;
                return $"{Alias}.{field.Column}, (SELECT {target.DisplayNameSql("r")} FROM {target.Table} r WHERE r.id = {Alias}.{field.Column})";
            case FieldType.One2many:
                var lines = registry.Get(field.Comodel!).Definition;
                var inverse = lines.FindField(field.InverseName!)!;
                var order = OrderByCompiler.Compile(lines, null, "r");
                return $"ARRAY(SELECT r.id FROM {lines.Table} r WHERE r.{inverse.Column} = {Alias}.id ORDER BY {order})";
            default:
                return $"{Alias}.{field.Column}";
        }
    }
}
