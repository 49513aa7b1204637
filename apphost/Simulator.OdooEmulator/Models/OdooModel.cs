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
    private static readonly string[] NoParameters = [];
    private static readonly string[] FieldsGetParameters = ["allfields", "attributes"];
    private static readonly string[] NameSearchParameters = ["name", "args", "operator", "limit"];
    private static readonly string[] CheckAccessRightsParameters = ["operation", "raise_exception"];

    /// <summary>
    /// Methods Odoo runs on a read-only cursor (on the replica with <c>db_replica_host</c>):
    /// those marked <c>@api.readonly</c> in Odoo 18 and served by readonly routes in 17.
    /// </summary>
    private static readonly HashSet<string> ReadOnlyMethods = new(StringComparer.Ordinal)
    {
        "search", "search_read", "read", "search_count", "name_search", "fields_get", "name_get", "check_access_rights",
    };

    /// <summary>True when the method only reads, so it may run on the replica.</summary>
    public static bool IsReadOnly(string method) => ReadOnlyMethods.Contains(method);

    /// <summary>
    /// True for <c>@api.model</c> methods, which take no record ids (the JSON-2 API refuses
    /// <c>ids</c> for them); the others take the ids as first argument.
    /// </summary>
    public virtual bool IsModelMethod(string method) =>
        method is "search" or "search_read" or "search_count" or "create" or "name_search" or "fields_get" or "check_access_rights";

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
        "unlink" => new ModelMethod(UnlinkAsync),
        "fields_get" => new ModelMethod(FieldsGetAsync),
        "name_search" => new ModelMethod(NameSearchAsync),
        "name_get" => new ModelMethod(NameGetAsync),
        "check_access_rights" => new ModelMethod(CheckAccessRightsAsync),
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

    /// <summary>Odoo's <c>unlink()</c>: deletes the records; MissingError if any is already gone.</summary>
    protected virtual async Task<JsonNode?> UnlinkAsync(ModelCall call, CancellationToken cancellationToken)
    {
        var (ids, _) = SplitIds(call, "unlink", NoParameters, 0);
        await CheckExistAsync(call, ids, cancellationToken);
        await call.SpendCostAsync(cancellationToken);
        if (ids.Length > 0)
        {
            var parameters = new SqlParameters();
            await call.Cursor.ExecuteAsync($"DELETE FROM {Definition.Table} WHERE id = ANY({parameters.Add(ids)})", parameters, cancellationToken);
        }

        return true;
    }

    /// <summary>Raises Odoo's MissingError unless every record exists; the read fixes the snapshot.</summary>
    protected async Task CheckExistAsync(ModelCall call, int[] ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var missing = await RecordReader.FindMissingAsync(call, Definition, ids, cancellationToken);
        if (missing.Length > 0)
        {
            throw RecordIds.Missing(Definition.Name, missing, call.Uid);
        }
    }

    /// <summary>Odoo's <c>fields_get(allfields, attributes)</c>: field descriptions by name.</summary>
    protected Task<JsonNode?> FieldsGetAsync(ModelCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var args = CallArguments.Bind("fields_get", call.Args, call.Kwargs, FieldsGetParameters, 0);
        var wanted = NameList(args[0], "allfields");
        var attributes = NameList(args[1], "attributes");
        var result = new JsonObject();
        foreach (var field in Definition.Fields)
        {
            if (wanted is null || wanted.Contains(field.Name))
            {
                result[field.Name] = FieldDescriptions.Describe(call.Registry, field, attributes);
            }
        }

        return Task.FromResult<JsonNode?>(result);
    }

    /// <summary>Odoo 17's <c>name_search(name, args, operator, limit)</c>: <c>[[id, display_name], ...]</c>.</summary>
    protected async Task<JsonNode?> NameSearchAsync(ModelCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        // Odoo 18 renamed args to domain; accept both so 17 and 18+ clients work.
        if (call.Kwargs.TryGetPropertyValue("domain", out var domainArg) && !call.Kwargs.ContainsKey("args"))
        {
            call.Kwargs.Remove("domain");
            call.Kwargs["args"] = domainArg;
        }

        var args = CallArguments.Bind("name_search", call.Args, call.Kwargs, NameSearchParameters, 0);
        var name = PyValues.IsFalseOrNull(args[0]) ? "" : PyValues.AsString(args[0]) ?? PyValues.Repr(args[0]);
        var op = PyValues.IsFalseOrNull(args[2]) ? "ilike" : PyValues.AsString(args[2]) ?? "ilike";
        long? limit = args[3] is null ? 100 : Limit(args[3]);
        var parameters = new SqlParameters();
        var where = new DomainCompiler(call.Registry, parameters).Compile(Definition, args[1], "t", ActiveTest(call));
        if (name.Length > 0 || op is not ("ilike" or "like" or "=like" or "=ilike"))
        {
            var nameDomain = NameSearchDomain(name, op);
            where = $"({where}) AND ({new DomainCompiler(call.Registry, parameters).Compile(Definition, nameDomain, "t", activeTest: false)})";
        }

        var displayName = Definition.FindField("display_name") ?? new FieldDefinition("display_name", FieldType.Char, "Display Name")
        {
            Column = Definition.RecNameColumn,
            ReadExpression = Definition.DisplayNameTemplate,
        };
        var order = OrderByCompiler.Compile(Definition, null, "t");
        var rows = await RecordReader.SelectAsync(call, Definition, [displayName], where, parameters, order, limit, 0, cancellationToken);
        await call.SpendCostAsync(cancellationToken);
        return new JsonArray(rows.Select(row => (JsonNode)new JsonArray(row["id"]!.DeepClone(), row["display_name"]!.DeepClone())).ToArray());
    }

    /// <summary>The domain a name search adds; products also match their code and barcode.</summary>
    protected virtual JsonArray NameSearchDomain(string name, string op) =>
        new(new JsonArray(Definition.FindFieldByColumn(Definition.RecNameColumn)?.Name ?? "name", op, name));

    /// <summary>Odoo 17's (deprecated) <c>name_get()</c>: <c>[[id, display_name], ...]</c> in the order of the ids.</summary>
    protected async Task<JsonNode?> NameGetAsync(ModelCall call, CancellationToken cancellationToken)
    {
        var (ids, _) = SplitIds(call, "name_get", NoParameters, 0);
        var displayName = Definition.FindField("display_name")
            ?? throw OdooException.AttributeError($"The method 'name_get' does not exist on the model '{Definition.Name}'");
        var records = await RecordReader.ReadAsync(call, Definition, ids, [displayName], cancellationToken);
        await call.SpendCostAsync(cancellationToken);
        return new JsonArray(records.Select(r => (JsonNode)new JsonArray(r!["id"]!.DeepClone(), r["display_name"]!.DeepClone())).ToArray());
    }

    /// <summary>
    /// <c>check_access_rights(operation, raise_exception=True)</c>: the API user is an
    /// administrator, so every operation is allowed.
    /// </summary>
    protected static Task<JsonNode?> CheckAccessRightsAsync(ModelCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var args = CallArguments.Bind("check_access_rights", call.Args, call.Kwargs, CheckAccessRightsParameters, 1);
        var operation = PyValues.AsString(args[0]);
        if (operation is not ("read" or "write" or "create" or "unlink"))
        {
            throw OdooException.ValueError($"Invalid access mode {PyValues.Repr(args[0])}");
        }

        return Task.FromResult<JsonNode?>(true);
    }

    private static HashSet<string>? NameList(JsonNode? node, string what)
    {
        if (PyValues.IsFalseOrNull(node))
        {
            return null;
        }

        return node is JsonArray list
            ? list.Select(item => PyValues.AsString(item) ?? throw OdooException.TypeError($"{what} must be a list of strings")).ToHashSet(StringComparer.Ordinal)
            : throw OdooException.TypeError($"{what} must be a list of strings, not {PyValues.PyTypeName(node)}");
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

    protected static long? Limit(JsonNode? node) => PyValues.IsTruthy(node) ? Math.Max(0, PyValues.ToInt64(node)) : null;

    private static long Offset(JsonNode? node) => PyValues.IsTruthy(node) ? Math.Max(0, PyValues.ToInt64(node)) : 0;

    private static string? OrderSpec(JsonNode? node) =>
        PyValues.IsFalseOrNull(node) ? null : PyValues.AsString(node) ?? throw OdooException.ValueError($"Invalid \"order\" specified ({PyValues.Repr(node)})");
}
