using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Models.Domains;
using Simulator.OdooEmulator.Models.Orm;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models;

/// <summary>
/// A served model with Odoo's generic ORM methods (<c>search_read</c>, <c>search</c>,
/// <c>search_count</c>, <c>read</c>, <c>create</c>, <c>write</c>); subclasses add or replace
/// methods where Odoo has business logic.
/// </summary>
internal abstract class OdooModel
{
    private static readonly string[] SearchReadParameters = ["domain", "fields", "offset", "limit", "order"];
    private static readonly string[] SearchParameters = ["domain", "offset", "limit", "order"];
    private static readonly string[] SearchCountParameters = ["domain", "limit"];
    private static readonly string[] ReadParameters = ["fields", "load"];
    private static readonly string[] CreateParameters = ["vals_list"];
    private static readonly string[] WriteParameters = ["vals"];

    /// <summary>The model's name, table and fields.</summary>
    public abstract ModelDefinition Definition { get; }

    /// <summary>The public method called <paramref name="name"/>, or null if the model has none.</summary>
    public virtual ModelMethod? FindMethod(string name) => name switch
    {
        "search_read" => new ModelMethod(SearchReadAsync),
        "search" => new ModelMethod(SearchAsync),
        "search_count" => new ModelMethod(SearchCountAsync),
        "read" => new ModelMethod(ReadAsync),
        "create" => new ModelMethod(CreateAsync),
        "write" => new ModelMethod(WriteAsync),
        _ => null,
    };

    protected async Task<JsonNode?> SearchReadAsync(ModelCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var args = CallArguments.Bind("search_read", call.Args, call.Kwargs, SearchReadParameters, 0);
        var parameters = new SqlParameters();
        var where = new DomainCompiler(call.Registry, parameters).Compile(Definition, args[0], "t", ActiveTest(call));
        var fields = FieldSelection.Resolve(Definition, args[1]);
        var order = OrderByCompiler.Compile(Definition, OrderSpec(args[4]), "t");
        var rows = await RecordReader.SelectAsync(
            call, Definition, fields, where, parameters, order, Limit(args[3]), Offset(args[2]), cancellationToken);
        await call.SpendCostAsync(cancellationToken);
        return new JsonArray(rows.Select(row => (JsonNode)row).ToArray());
    }

    protected async Task<JsonNode?> SearchAsync(ModelCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var args = CallArguments.Bind("search", call.Args, call.Kwargs, SearchParameters, 1);
        var parameters = new SqlParameters();
        var where = new DomainCompiler(call.Registry, parameters).Compile(Definition, args[0], "t", ActiveTest(call));
        var order = OrderByCompiler.Compile(Definition, OrderSpec(args[3]), "t");
        var rows = await RecordReader.SelectAsync(
            call, Definition, [], where, parameters, order, Limit(args[2]), Offset(args[1]), cancellationToken);
        await call.SpendCostAsync(cancellationToken);
        return new JsonArray(rows.Select(row => row["id"]!.DeepClone()).ToArray());
    }

    protected async Task<JsonNode?> SearchCountAsync(ModelCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var args = CallArguments.Bind("search_count", call.Args, call.Kwargs, SearchCountParameters, 1);
        var parameters = new SqlParameters();
        var where = new DomainCompiler(call.Registry, parameters).Compile(Definition, args[0], "t", ActiveTest(call));
        var sql = $"SELECT count(*) FROM {Definition.Table} t WHERE {where}";
        if (Limit(args[1]) is { } limit)
        {
            sql = $"SELECT count(*) FROM (SELECT 1 FROM {Definition.Table} t WHERE {where} LIMIT {parameters.Add(limit)}) AS limited";
        }

        var count = (long)(await call.Cursor.ScalarAsync(sql, parameters, cancellationToken))!;
        await call.SpendCostAsync(cancellationToken);
        return count;
    }

    protected async Task<JsonNode?> ReadAsync(ModelCall call, CancellationToken cancellationToken)
    {
        var (ids, args) = SplitIds(call, "read", ReadParameters, 0);
        var fields = FieldSelection.Resolve(Definition, args[0]);
        var records = await RecordReader.ReadAsync(call, Definition, ids, fields, cancellationToken);
        await call.SpendCostAsync(cancellationToken);
        return records;
    }

    /// <summary>Odoo's <c>create(vals_list)</c>: one dict gives one id, a list of dicts a list of ids.</summary>
    protected virtual async Task<JsonNode?> CreateAsync(ModelCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var (valsList, single) = ValsList(call);
        var rows = valsList.Select(vals => RecordWriter.ColumnValues(Definition, vals)).ToList();
        await call.SpendCostAsync(cancellationToken);
        var ids = new List<int>();
        foreach (var columns in rows)
        {
            ids.Add(await RecordWriter.InsertAsync(call, Definition, columns, cancellationToken));
        }

        return single ? ids[0] : new JsonArray(ids.Select(id => (JsonNode)id).ToArray());
    }

    protected async Task<JsonNode?> WriteAsync(ModelCall call, CancellationToken cancellationToken)
    {
        var (ids, args) = SplitIds(call, "write", WriteParameters, 1);
        var columns = RecordWriter.ColumnValues(Definition, args[0]);
        // The existence check is the read that fixes the transaction's snapshot, as Odoo's
        // access checks do before it flushes the write.
        var missing = await RecordReader.FindMissingAsync(call, Definition, ids, cancellationToken);
        if (missing.Length > 0)
        {
            throw RecordIds.Missing(Definition.Name, missing, call.Uid);
        }

        await call.SpendCostAsync(cancellationToken);
        if (ids.Length > 0)
        {
            await RecordWriter.UpdateAsync(call, Definition, ids, columns, cancellationToken);
        }

        return true;
    }

    /// <summary>
    /// Record methods take the ids as first positional argument (Odoo's <c>call_kw</c> browses
    /// them), then their own parameters.
    /// </summary>
    protected static (int[] Ids, JsonNode?[] Args) SplitIds(ModelCall call, string method, IReadOnlyList<string> parameters, int required)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.Args.Count == 0)
        {
            throw new OdooException("builtins.IndexError", "tuple index out of range");
        }

        var ids = RecordIds.Parse(call.Args[0]);
        var args = CallArguments.Bind(method, call.Args.Skip(1).ToList(), call.Kwargs, parameters, required);
        return (ids, args);
    }

    /// <summary><c>create</c>'s argument as a list of dicts, and whether a single dict was passed.</summary>
    protected static (IReadOnlyList<JsonObject> ValsList, bool Single) ValsList(ModelCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var args = CallArguments.Bind("create", call.Args, call.Kwargs, CreateParameters, 1);
        return args[0] switch
        {
            JsonObject vals => ([vals], true),
            JsonArray list when list.All(item => item is JsonObject) => (list.Cast<JsonObject>().ToList(), false),
            var other => throw OdooException.TypeError($"create() expects a dict or a list of dicts, not {PyValues.PyTypeName(other)}"),
        };
    }

    /// <summary>The context's <c>active_test</c> (default true), as Odoo's search honours it.</summary>
    protected static bool ActiveTest(ModelCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return !call.Context.TryGetPropertyValue("active_test", out var value) || PyValues.IsTruthy(value);
    }

    private static long? Limit(JsonNode? node) => PyValues.IsTruthy(node) ? Math.Max(0, PyValues.ToInt64(node)) : null;

    private static long Offset(JsonNode? node) => PyValues.IsTruthy(node) ? Math.Max(0, PyValues.ToInt64(node)) : 0;

    private static string? OrderSpec(JsonNode? node) =>
        PyValues.IsFalseOrNull(node) ? null : PyValues.AsString(node) ?? throw OdooException.ValueError($"Invalid \"order\" specified ({PyValues.Repr(node)})");
}
