using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Orm;

/// <summary>Odoo's generic <c>create</c> and <c>write</c> for models without business logic.</summary>
internal static class RecordWriter
{
    /// <summary>
    /// The column values for a <c>vals</c> dict: unknown fields are an error as in Odoo, computed
    /// and magic fields are skipped as Odoo recomputes them anyway.
    /// </summary>
    public static List<(string Column, object? Value)> ColumnValues(ModelDefinition model, JsonNode? vals)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (vals is not JsonObject dict)
        {
            throw OdooException.TypeError($"vals must be a dict, not {PyValues.PyTypeName(vals)}");
        }

        var columns = new List<(string Column, object? Value)>();
        foreach (var (name, value) in dict)
        {
            var field = model.FindField(name)
                ?? throw OdooException.ValueError($"Invalid field '{name}' on model '{model.Name}'");
            if (field.ReadOnly || !field.IsStored)
            {
                continue;
            }

            columns.Add((field.Column!, FieldValues.ToColumnValue(model, field, value)));
        }

        return columns;
    }

    /// <summary>Inserts one record and returns its id.</summary>
    public static async Task<int> InsertAsync(
        ModelCall call, ModelDefinition model, List<(string Column, object? Value)> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(columns);
        var parameters = new SqlParameters();
        var all = columns.Concat(AuditColumns(call, creating: true)).ToList();
        var sql = $"INSERT INTO {model.Table} ({string.Join(", ", all.Select(c => c.Column))}) " +
                  $"VALUES ({string.Join(", ", all.Select(c => parameters.Add(c.Value)))}) RETURNING id";
        return (int)(await call.Cursor.ScalarAsync(sql, parameters, cancellationToken))!;
    }

    /// <summary>Updates the records; the caller has checked that they exist.</summary>
    public static async Task UpdateAsync(
        ModelCall call, ModelDefinition model, int[] ids, List<(string Column, object? Value)> columns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(columns);
        var parameters = new SqlParameters();
        var all = columns.Concat(AuditColumns(call, creating: false));
        var assignments = string.Join(", ", all.Select(c => $"{c.Column} = {parameters.Add(c.Value)}"));
        var sql = $"UPDATE {model.Table} SET {assignments} WHERE id = ANY({parameters.Add(ids)})";
        await call.Cursor.ExecuteAsync(sql, parameters, cancellationToken);
    }

    private static IEnumerable<(string Column, object? Value)> AuditColumns(ModelCall call, bool creating)
    {
        if (creating)
        {
            yield return ("create_uid", call.Uid);
            yield return ("create_date", call.Now);
        }

        yield return ("write_uid", call.Uid);
        yield return ("write_date", call.Now);
    }
}
