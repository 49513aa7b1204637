using System.Globalization;
using System.Text.Json.Nodes;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Models.Orm;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Models.Domains;

/// <summary>
/// Translates an Odoo domain (a prefix-notation list of <c>[field, operator, value]</c> leaves and
/// <c>'&amp;'</c>, <c>'|'</c>, <c>'!'</c>) into a SQL condition, with Odoo's semantics for
/// <c>False</c> and NULL, name search on many2one fields, and the implicit <c>active</c> filter.
/// </summary>
internal sealed class DomainCompiler(ModelRegistry registry, SqlParameters parameters)
{
    private static readonly HashSet<string> Operators = new(StringComparer.Ordinal)
    {
        "=", "!=", "<>", "<", ">", "<=", ">=", "=?", "in", "not in",
        "like", "not like", "ilike", "not ilike", "=like", "=ilike",
    };

    private int _aliasCount;

    /// <summary>Compiles <paramref name="domain"/> on <paramref name="model"/> aliased <paramref name="alias"/>.</summary>
    /// <param name="model">The model searched.</param>
    /// <param name="domain">The domain; null or false mean "everything".</param>
    /// <param name="alias">The table alias the condition refers to.</param>
    /// <param name="activeTest">Whether to add Odoo's implicit <c>active = True</c> filter.</param>
    public string Compile(ModelDefinition model, JsonNode? domain, string alias, bool activeTest = true)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (PyValues.IsFalseOrNull(domain))
        {
            domain = new JsonArray();
        }

        if (domain is not JsonArray items)
        {
            throw OdooException.ValueError($"Invalid domain {PyValues.Repr(domain)}");
        }

        var usedFields = new HashSet<string>(StringComparer.Ordinal);
        var terms = new List<string>();
        var position = 0;
        while (position < items.Count)
        {
            terms.Add(ParseTerm(model, items, ref position, alias, usedFields));
        }

        // Top-level terms are implicitly AND-ed, as Odoo's normalize_domain adds the '&'s.
        if (activeTest && model.HasActiveField && !usedFields.Contains("active"))
        {
            terms.Add($"{alias}.active IS TRUE");
        }

        return terms.Count == 0 ? "TRUE" : string.Join(" AND ", terms);
    }

    /// <summary>
    /// Reads one prefix-notation term starting at <paramref name="position"/>, left to right, so
    /// parameters are numbered in the order they appear in the domain.
    /// </summary>
    private string ParseTerm(ModelDefinition model, JsonArray items, ref int position, string alias, HashSet<string> usedFields)
    {
        if (position >= items.Count)
        {
            throw OdooException.ValueError($"Invalid domain {PyValues.Repr(items)}");
        }

        var item = items[position++];
        switch (PyValues.AsString(item))
        {
            case "!":
                return $"(NOT {ParseTerm(model, items, ref position, alias, usedFields)})";
            case "&" or "|":
                var left = ParseTerm(model, items, ref position, alias, usedFields);
                var right = ParseTerm(model, items, ref position, alias, usedFields);
                return $"({left} {(PyValues.AsString(item) == "&" ? "AND" : "OR")} {right})";
            case not null:
                throw OdooException.ValueError($"Invalid leaf {PyValues.Repr(item)}");
            default:
                return CompileLeaf(model, item, alias, usedFields);
        }
    }

    private string CompileLeaf(ModelDefinition model, JsonNode? item, string alias, HashSet<string> usedFields)
    {
        if (item is not JsonArray leaf || leaf.Count != 3)
        {
            throw OdooException.ValueError($"Invalid leaf {PyValues.Repr(item)}");
        }

        var repr = PyValues.Repr(leaf);
        var op = PyValues.AsString(leaf[1])?.ToLowerInvariant();
        if (op is null || !Operators.Contains(op))
        {
            throw OdooException.ValueError($"Invalid leaf {repr}");
        }

        // Odoo's TRUE_LEAF (1, '=', 1) and FALSE_LEAF (0, '=', 1).
        if (PyValues.AsString(leaf[0]) is not { } name)
        {
            return leaf[0] is JsonValue && op == "=" && PyValues.IsTruthy(leaf[2])
                ? (PyValues.IsTruthy(leaf[0]) ? "TRUE" : "FALSE")
                : throw OdooException.ValueError($"Invalid leaf {repr}");
        }

        var field = model.FindField(name)
            ?? throw OdooException.ValueError($"Invalid field {model.Name}.{name} in leaf {repr}");
        usedFields.Add(name);
        var value = leaf[2];
        if (field.Type == FieldType.One2many)
        {
            return CompileOne2many(model, field, op, value, alias, repr);
        }

        if (!field.IsStored)
        {
            throw OdooException.ValueError($"Non-stored field {model.Name}.{name} cannot be searched.");
        }

        var column = $"{alias}.{field.Column}";
        if (field.Type == FieldType.Many2one && IsNameSearch(value))
        {
            return CompileNameSearch(field, op, value, column);
        }

        return CompileComparison(model, field, op, value, column);
    }

    private string CompileComparison(ModelDefinition model, FieldDefinition field, string op, JsonNode? value, string column)
    {
        switch (op)
        {
            case "=?":
                return PyValues.IsFalseOrNull(value) ? "TRUE" : CompileComparison(model, field, "=", value, column);
            case "=" or "!=" or "<>":
                var negate = op != "=";
                if (field.Type == FieldType.Boolean)
                {
                    var wanted = PyValues.IsTruthy(value) != negate;
                    return wanted ? $"{column} IS TRUE" : $"{column} IS NOT TRUE";
                }

                if (PyValues.IsFalseOrNull(value))
                {
                    return negate ? $"{column} IS NOT NULL" : $"{column} IS NULL";
                }

                var parameter = parameters.Add(FieldValues.ToComparable(model, field, value));
                return negate ? $"({column} <> {parameter} OR {column} IS NULL)" : $"{column} = {parameter}";
            case "<" or ">" or "<=" or ">=":
                return $"{column} {op} {parameters.Add(FieldValues.ToComparable(model, field, value))}";
            case "in" or "not in":
                return CompileIn(model, field, op == "not in", value, column);
            default:
                return CompileLike(field, op, value, column);
        }
    }

    private string CompileIn(ModelDefinition model, FieldDefinition field, bool negate, JsonNode? value, string column)
    {
        var values = value is JsonArray list ? list.ToList() : [value];
        var withFalse = field.Type != FieldType.Boolean && values.Any(PyValues.IsFalseOrNull);
        var proper = values.Where(v => field.Type == FieldType.Boolean || !PyValues.IsFalseOrNull(v)).ToList();
        var condition = proper.Count == 0
            ? "FALSE"
            : $"{column} = ANY({parameters.Add(FieldValues.ToComparableArray(model, field, proper))})";
        if (!negate)
        {
            return withFalse ? $"({condition} OR {column} IS NULL)" : condition;
        }

        // Odoo's NOT IN keeps NULLs unless False is among the values.
        return withFalse ? $"(NOT ({condition}) AND {column} IS NOT NULL)" : $"(NOT ({condition}) OR {column} IS NULL)";
    }

    private string CompileLike(FieldDefinition field, string op, JsonNode? value, string column)
    {
        var pattern = PyValues.IsFalseOrNull(value) ? "" : PyValues.AsString(value) ?? value!.ToJsonString();
        var negate = op.StartsWith("not ", StringComparison.Ordinal);
        var exact = op.StartsWith('=');
        var sqlOp = op.EndsWith("ilike", StringComparison.Ordinal) ? "ILIKE" : "LIKE";
        var text = field.Type is FieldType.Char or FieldType.Text or FieldType.Selection ? column : $"CAST({column} AS varchar)";
        var parameter = parameters.Add(exact ? pattern : $"%{pattern}%");
        return negate ? $"({text} NOT {sqlOp} {parameter} OR {column} IS NULL)" : $"{text} {sqlOp} {parameter}";
    }

    /// <summary>A string (or list of strings) on a many2one searches the comodel by name, as Odoo does.</summary>
    private static bool IsNameSearch(JsonNode? value) =>
        PyValues.AsString(value) is not null
        || (value is JsonArray list && list.Count > 0 && list.All(v => PyValues.AsString(v) is not null));

    private string CompileNameSearch(FieldDefinition field, string op, JsonNode? value, string column)
    {
        var comodel = registry.Get(field.Comodel!).Definition;
        var subAlias = NextAlias();
        var nameField = new FieldDefinition("name", FieldType.Char, "Name") { Column = comodel.RecNameColumn };
        var negate = op is "!=" or "<>" or "not in" or "not like" or "not ilike";
        var positive = op switch
        {
            "!=" or "<>" => "=",
            "not in" => "in",
            "not like" => "like",
            "not ilike" => "ilike",
            _ => op,
        };
        var inner = CompileComparison(comodel, nameField, positive, value, $"{subAlias}.{comodel.RecNameColumn}");
        var subquery = $"SELECT {subAlias}.id FROM {comodel.Table} {subAlias} WHERE {inner}";
        return negate ? $"({column} IS NULL OR {column} NOT IN ({subquery}))" : $"{column} IN ({subquery})";
    }

    private string CompileOne2many(ModelDefinition model, FieldDefinition field, string op, JsonNode? value, string alias, string repr)
    {
        var comodel = registry.Get(field.Comodel!).Definition;
        var inverse = comodel.FindField(field.InverseName!)!;
        var subAlias = NextAlias();
        var link = $"{subAlias}.{inverse.Column} = {alias}.id";
        if (op is "=" or "!=" or "<>" && PyValues.IsFalseOrNull(value))
        {
            var exists = $"EXISTS (SELECT 1 FROM {comodel.Table} {subAlias} WHERE {link})";
            return op == "=" ? $"NOT {exists}" : exists;
        }

        if (op is not ("in" or "="))
        {
            throw OdooException.ValueError(
                $"Operator {op} on one2many field {model.Name}.{field.Name} is not supported by the emulator: {repr}");
        }

        var ids = value is JsonArray list ? list.Select(v => (long)PyValues.ToId(v)).ToArray() : [PyValues.ToId(value)];
        return $"EXISTS (SELECT 1 FROM {comodel.Table} {subAlias} WHERE {link} AND {subAlias}.id = ANY({parameters.Add(ids)}))";
    }

    private string NextAlias() => "d" + (++_aliasCount).ToString(CultureInfo.InvariantCulture);
}
