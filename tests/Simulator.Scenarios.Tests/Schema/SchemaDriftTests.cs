using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Simulator.Scenarios.Tests.Schema;

/// <summary>
/// What the loader knows — read from its own lists, never written out here — equals what the schema
/// declares. A key, kind or model added to the loader and not to the schema fails with its name and where
/// in <c>scenarios/schema/scenario.schema.json</c> it belongs.
/// </summary>
public class SchemaDriftTests
{
    private const string File = ScenarioSchema.RepositoryPath;

    [Fact]
    public void Every_mapping_declares_exactly_the_keys_the_loader_reads()
    {
        var problems = new List<string>();
        foreach (var (path, keys) in ScenarioVocabulary.Mappings)
        {
            var (pointer, node) = SchemaNodeFor(path);
            var loader = keys.Concat(KindKeys(path)).ToHashSet(StringComparer.Ordinal);
            var schema = (node["properties"] as JsonObject)?.Select(p => p.Key).ToHashSet(StringComparer.Ordinal) ?? [];
            var where = path.Length == 0 ? "the top level" : $"`{path}`";
            problems.AddRange(loader.Except(schema).Order(StringComparer.Ordinal)
                .Select(k => $"the loader reads key `{k}` at {where}, but {File} does not declare it: add it under {pointer}/properties"));
            problems.AddRange(schema.Except(loader).Order(StringComparer.Ordinal)
                .Select(k => $"{File} declares key `{k}` at {pointer}/properties, which the loader does not read at {where}"));
            if (node["additionalProperties"]?.GetValue<bool>() != false)
            {
                problems.Add($"{pointer} must set additionalProperties: false, as the loader refuses unknown keys at {where}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Workload_kinds_their_parameters_and_required_keys_match_the_registry()
    {
        var workload = ScenarioSchema.At("#/definitions/workload");
        var kinds = WorkloadKindRegistry.Default.Kinds;
        var names = kinds.Select(k => k.Name).ToList();
        AssertSameSet(names, ScenarioSchema.Strings(workload["properties"]!["kind"]!["enum"]), "workload kinds", "#/definitions/workload/properties/kind/enum");
        AssertSameSet(names, ScenarioSchema.Strings(KindRule(workload, "name")?["then"]?["properties"]?["name"]?["enum"]), "workload kinds a name stands for without `kind`", "#/definitions/workload/allOf (if: not required kind)");

        foreach (var kind in kinds)
        {
            var rule = KindRule(workload, kind.Name);
            Assert.True(rule is not null, $"workload kind `{kind.Name}` has no rule in {File} #/definitions/workload/allOf: add one naming its keys in propertyNames");
            var where = $"#/definitions/workload/allOf (kind `{kind.Name}`)";
            AssertSameSet([.. ScenarioVocabulary.WorkloadKeys, .. kind.Parameters.Keys], ScenarioSchema.Strings(rule!["then"]?["propertyNames"]?["enum"]), $"keys of a `{kind.Name}` workload", where + "/then/propertyNames/enum");
            AssertSameSet(kind.Required, ScenarioSchema.Strings(rule["then"]?["required"]), $"required keys of a `{kind.Name}` workload", where + "/then/required");
            foreach (var (parameter, type) in kind.Parameters)
            {
                var expected = "#/definitions/" + DefinitionOf(type);
                var actual = workload["properties"]?[parameter]?["$ref"]?.GetValue<string>();
                Assert.True(expected == actual, $"`{parameter}` of `{kind.Name}` is a {type} for the loader, so {File} #/definitions/workload/properties/{parameter} should be {{ \"$ref\": \"{expected}\" }}, not {actual ?? "missing"}");
            }
        }
    }

    [Fact]
    public void Models_match_the_loader_and_each_has_its_rule()
    {
        AssertSameSet(WorkloadModels.Names, ScenarioSchema.Strings(ScenarioSchema.At("#/definitions/workload/properties/model")["enum"]), "workload models", "#/definitions/workload/properties/model/enum");
        AssertSameSet(WorkloadModels.PhaseNames, ScenarioSchema.Strings(ScenarioSchema.At("#/definitions/phase/properties/model")["enum"]), "phase models", "#/definitions/phase/properties/model/enum");
        var rules = ScenarioSchema.At("#/definitions/pacingRules")["allOf"]!.AsArray()
            .Select(r => r!["if"]?["properties"]?["model"]?["const"]?.GetValue<string>() ?? string.Empty);
        AssertSameSet(WorkloadModels.PhaseNames, rules, "models with a rule of what they need", "#/definitions/pacingRules/allOf");
    }

    [Fact]
    public void Fault_kinds_their_keys_and_targets_match_the_loader()
    {
        var fault = ScenarioSchema.At("#/definitions/fault");
        var oneOf = fault["oneOf"]!.AsArray().SelectMany(o => ScenarioSchema.Strings(o!["required"]));
        AssertSameSet(FaultKinds.Names, oneOf, "fault kinds (exactly one per fault)", "#/definitions/fault/oneOf");
        var rules = fault["allOf"]!.AsArray().ToDictionary(r => ScenarioSchema.Strings(r!["if"]?["required"]).Single(), r => r!["then"]!, StringComparer.Ordinal);
        foreach (var name in FaultKinds.Names)
        {
            Assert.True(FaultKinds.TryParse(name, out var kind));
            Assert.True(rules.TryGetValue(name, out var then), $"fault kind `{name}` has no rule in {File} #/definitions/fault/allOf: add {{ \"if\": {{ \"required\": [\"{name}\"] }}, \"then\": {{ \"propertyNames\": ... }} }}");
            string[] allowed = [.. ScenarioVocabulary.FaultKeys.Where(k => k != "for"), name, .. kind.AllowsFor() ? new[] { "for" } : [], .. kind.ExtraKeys()];
            string[] required = [.. kind.RequiresFor() ? new[] { "for" } : [], .. kind.RequiredExtraKeys()];
            AssertSameSet(allowed, ScenarioSchema.Strings(then!["propertyNames"]?["enum"]), $"keys of a `{name}` fault", $"#/definitions/fault/allOf (`{name}`)/then/propertyNames/enum");
            AssertSameSet(required, ScenarioSchema.Strings(then["required"]), $"required keys of a `{name}` fault", $"#/definitions/fault/allOf (`{name}`)/then/required");
            var target = fault["properties"]![name]!;
            var expected = kind.IsProcessFault() ? "#/definitions/processTarget" : kind.IsNetworkFault() ? "#/definitions/networkTarget" : null;
            if (expected is not null)
            {
                Assert.True(expected == target["$ref"]?.GetValue<string>(), $"the target of a `{name}` fault should be {{ \"$ref\": \"{expected}\" }} in {File} #/definitions/fault/properties/{name}");
            }

            foreach (var extra in kind.ExtraKeys())
            {
                Assert.Equal("#/definitions/duration", fault["properties"]?[extra]?["$ref"]?.GetValue<string>());
            }
        }

        AssertSameSet(FaultTargets.Roles, ScenarioSchema.Strings(ScenarioSchema.At("#/definitions/processTarget")["anyOf"]![0]!["enum"]), "roles", "#/definitions/processTarget/anyOf/0/enum");
        Assert.Equal(FaultTargets.All, ScenarioSchema.Strings(ScenarioSchema.At("#/definitions/fault/properties/heal")["anyOf"]![0]!["enum"]).Single());
    }

    [Fact]
    public void The_threshold_pattern_is_built_from_the_metrics_and_operators_the_parser_knows()
    {
        var actual = ScenarioSchema.At("#/definitions/threshold")["pattern"]!.GetValue<string>();
        var missing = ThresholdMetrics.Global.Select(m => m.Name).Concat(ThresholdMetrics.PerWorkload.Select(m => m.Name))
            .Where(n => !actual.Contains(Regex.Escape(n), StringComparison.Ordinal))
            .ToList();

        Assert.True(missing.Count == 0, $"{File} #/definitions/threshold/pattern lacks the metrics {string.Join(", ", missing)}");
        Assert.Equal(ExpectedThresholdPattern(), actual);
    }

    [Fact]
    public void The_http_methods_match_the_loader()
    {
        var methods = ScenarioSchema.Strings(ScenarioSchema.At("#/definitions/httpMethod")["anyOf"]![0]!["enum"]);
        var pattern = new Regex(ScenarioSchema.At("#/definitions/httpMethod")["anyOf"]![1]!["pattern"]!.GetValue<string>());

        // The loader's list is internal: it is what `method` accepts, so ask the loader about each.
        Assert.All(methods, m => Assert.True(Accepts($"method: {m.ToLowerInvariant()}"), $"the loader refuses method {m}"));
        Assert.All(methods, m => Assert.Matches(pattern, m.ToLowerInvariant()));
        Assert.False(Accepts("method: FETCH"));
        Assert.DoesNotMatch(pattern, "FETCH");

        static bool Accepts(string method) => ScenarioLoader.Parse(
            $"name: x\nduration: 1m\nworkloads:\n  - {{ name: h, kind: http, region: eu, model: constant-rate, rate: 1/s, path: /, {method} }}", "test.yaml").Succeeded;
    }

    /// <summary>The pattern the schema must carry, from the parser's own metric and operator lists.</summary>
    private static string ExpectedThresholdPattern()
    {
        const string Name = "[A-Za-z0-9][A-Za-z0-9_-]*";
        var globals = string.Join('|', ThresholdMetrics.Global.Select(m => Regex.Escape(m.Name)));
        var statistics = string.Join('|', ThresholdMetrics.PerWorkload.Select(m => Regex.Escape(m.Name)));
        var operators = string.Join('|', Enum.GetValues<ThresholdOperator>().Select(o => Regex.Escape(o.ToSymbol())).OrderByDescending(s => s.Length));
        return $@"^\s*(?:(?:{globals})|{Name}(?:@{Name})?\.(?:{statistics}))\s*(?:{operators})\s*\S+(?:\s+over\s+any\s+\S+\s+window)?\s*$";
    }

    /// <summary>The keys a mapping takes besides its fixed ones: every kind's parameters, every fault kind and its extra keys.</summary>
    private static IEnumerable<string> KindKeys(string path) => path switch
    {
        "workloads[]" => WorkloadKindRegistry.Default.Kinds.SelectMany(k => k.Parameters.Keys),
        "faults[]" => FaultKinds.Names.Concat(FaultKinds.Names.SelectMany(n => FaultKinds.TryParse(n, out var kind) ? kind.ExtraKeys() : [])),
        _ => [],
    };

    /// <summary>The schema node describing the mapping at a loader path such as <c>workloads[].phases[]</c>.</summary>
    private static (string Pointer, JsonObject Node) SchemaNodeFor(string path)
    {
        var pointer = "#";
        var node = ScenarioSchema.Document;
        foreach (var segment in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var key = segment.TrimEnd('[', ']');
            var property = node["properties"]?[key] as JsonObject;
            Assert.True(property is not null, $"the loader reads the mapping `{path}`, but {File} has no property `{key}` at {pointer}/properties");
            (pointer, node) = Follow($"{pointer}/properties/{key}", property!);
            if (segment.EndsWith("[]", StringComparison.Ordinal))
            {
                var items = node["items"] as JsonObject;
                Assert.True(items is not null, $"`{key}` is a list for the loader, but {pointer} has no items");
                (pointer, node) = Follow(pointer + "/items", items!);
            }
        }

        return (pointer, node);
    }

    private static (string Pointer, JsonObject Node) Follow(string pointer, JsonObject node) =>
        node["$ref"]?.GetValue<string>() is { } reference ? Follow(reference, ScenarioSchema.At(reference)) : (pointer, node);

    /// <summary>The workload rule whose condition names <paramref name="kind"/>, or the no-kind rule for <c>name</c>.</summary>
    private static JsonNode? KindRule(JsonObject workload, string kind) => workload["allOf"]!.AsArray().FirstOrDefault(r =>
        kind == "name"
            ? ScenarioSchema.Strings(r!["if"]?["not"]?["required"]).SequenceEqual(["kind"])
            : r!["if"]?["anyOf"]?[0]?["properties"]?["kind"]?["const"]?.GetValue<string>() == kind);

    private static string DefinitionOf(WorkloadParameterType type) => type switch
    {
        WorkloadParameterType.Text => "text",
        WorkloadParameterType.WholeNumber => "count",
        WorkloadParameterType.PositiveNumber => "positiveCount",
        WorkloadParameterType.WholeNumberRange => "lineRange",
        WorkloadParameterType.Duration => "duration",
        WorkloadParameterType.Rate => "rate",
        WorkloadParameterType.UrlPath => "urlPath",
        WorkloadParameterType.HttpMethod => "httpMethod",
        WorkloadParameterType.HttpStatus => "httpStatus",
        WorkloadParameterType.MediaType => "mediaType",
        WorkloadParameterType.Headers => "headers",
        WorkloadParameterType.Acknowledgement => "acknowledgement",
        _ => $"(no definition for {type}: add one to {File} and here)",
    };

    private static void AssertSameSet(IEnumerable<string> loader, IEnumerable<string> schema, string what, string where)
    {
        var loaderSet = loader.ToHashSet(StringComparer.Ordinal);
        var schemaSet = schema.ToHashSet(StringComparer.Ordinal);
        var missing = loaderSet.Except(schemaSet).Order(StringComparer.Ordinal).ToList();
        var extra = schemaSet.Except(loaderSet).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            missing.Count == 0 && extra.Count == 0,
            $"{what}: the loader knows {Quote(missing)} that {File} lacks at {where}; the schema declares {Quote(extra)} that the loader does not know");

        static string Quote(List<string> names) => names.Count == 0 ? "nothing" : string.Join(", ", names.Select(n => $"`{n}`"));
    }
}
