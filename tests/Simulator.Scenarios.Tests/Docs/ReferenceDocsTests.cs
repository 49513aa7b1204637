using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Simulator.Scenarios.Tests.Schema;

namespace Simulator.Scenarios.Tests.Docs;

/// <summary>
/// docs/scenario-reference.md and docs/fault-catalogue.md against the schema and the loader: a key, kind,
/// model or metric added to the language and not to the documents fails here, naming what is missing.
/// </summary>
public partial class ReferenceDocsTests
{
    private static readonly string Reference = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "scenario-reference.md"));
    private static readonly string Catalogue = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Docs", "fault-catalogue.md"));

    [Fact]
    public void Every_key_of_the_schema_has_a_row_in_the_reference_and_every_row_names_one()
    {
        var schemaKeys = SchemaKeyPaths(ScenarioSchema.Document, string.Empty).ToHashSet(StringComparer.Ordinal);
        var rows = ReferenceRows().Select(r => r.Key).ToHashSet(StringComparer.Ordinal);

        Assert.True(schemaKeys.Count > 50, "the schema walk found too few keys to be real");
        var undocumented = schemaKeys.Except(rows).Order(StringComparer.Ordinal).ToList();
        var stale = rows.Except(schemaKeys).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0, "docs/scenario-reference.md has no row for: " + string.Join(", ", undocumented));
        Assert.True(stale.Count == 0, "docs/scenario-reference.md documents keys the schema does not have: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_topology_key_the_loader_reads_has_a_row_in_the_reference_and_every_row_names_one()
    {
        var keys = TopologyVocabulary.Mappings
            .SelectMany(m => m.Value.Select(k => m.Key.Length == 0 ? k : $"{m.Key}.{k}"))
            .ToHashSet(StringComparer.Ordinal);
        var rows = Reference.Split('\n')
            .SkipWhile(l => !l.StartsWith("| topology key |", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(l => l.StartsWith('|'))
            .Select(l => KeyRow().Match(l).Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(keys.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_default_the_schema_declares_is_the_one_the_reference_gives()
    {
        var defaults = new List<string>();
        foreach (var (key, cells) in ReferenceRows())
        {
            if (SchemaNodeAt(key)?["default"] is { } value)
            {
                defaults.Add(key);
                var text = value.GetValueKind() == System.Text.Json.JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
                Assert.True(cells.Any(c => c.Contains($"`{text}`", StringComparison.Ordinal)), $"the reference's row for `{key}` should give the schema's default `{text}`");
            }
        }

        Assert.Contains("workloads[].max_users", defaults);
    }

    [Fact]
    public void Every_kind_model_and_metric_the_loader_knows_is_named_in_the_reference()
    {
        string[] names =
        [
            .. WorkloadKindRegistry.Default.Kinds.Select(k => k.Name),
            .. WorkloadModels.PhaseNames,
            .. FaultKinds.Names,
            .. ThresholdMetrics.Global.Select(m => m.Name),
            .. ThresholdMetrics.PerWorkload.Select(m => m.Name),
            .. Enum.GetValues<ThresholdOperator>().Select(o => o.ToSymbol()),
        ];

        var missing = names.Where(n => !Reference.Contains($"`{n}`", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "docs/scenario-reference.md does not name: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_fault_kind_has_a_section_in_the_catalogue_with_its_rule_on_for()
    {
        foreach (var name in FaultKinds.Names)
        {
            Assert.True(FaultKinds.TryParse(name, out var kind));
            var section = Section(Catalogue, $"### `{name}`");
            Assert.True(section is not null, $"docs/fault-catalogue.md has no section `### \\`{name}\\``");
            var forRow = section!.Split('\n').FirstOrDefault(l => l.StartsWith("| `for` |", StringComparison.Ordinal));
            var expected = kind.RequiresFor() ? "**required**" : kind.AllowsFor() ? "optional" : "not allowed";
            Assert.True(forRow?.Contains(expected, StringComparison.Ordinal) == true, $"the `{name}` section of docs/fault-catalogue.md should say `for` is {expected}");
            Assert.All(kind.ExtraKeys(), extra => Assert.Contains($"`{extra}`", section, StringComparison.Ordinal));
        }

        Assert.All(FaultTargets.Roles, role => Assert.Contains($"`{role}`", Catalogue, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_full_scenario_in_the_reference_loads_and_matches_the_schema()
    {
        var scenarios = YamlBlocks().Matches(Reference).Select(m => m.Groups[1].Value).Where(y => y.Contains("\nworkloads:", StringComparison.Ordinal)).ToList();

        Assert.True(scenarios.Count >= 2, "the reference should show full scenarios");
        foreach (var yaml in scenarios)
        {
            var loaded = ScenarioLoader.Parse(yaml, "scenario-reference.md");
            Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
            Assert.Empty(ScenarioSchema.Errors(yaml));
        }
    }

    [Fact]
    public void Every_fault_example_in_the_catalogue_loads_and_matches_the_schema()
    {
        var examples = FaultExamples().Matches(Catalogue).Select(m => m.Groups[1].Value).ToList();
        var yaml = "name: catalogue\nduration: 3m\nworkloads:\n  - { name: order-import, region: eu, model: constant-rate, rate: 1/s }\nfaults:\n"
            + string.Concat(examples.Select(e => $"  - {e}\n"));

        Assert.Equal(FaultKinds.Names.Count, examples.Count);
        var loaded = ScenarioLoader.Parse(yaml, "fault-catalogue.md");
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        Assert.Equal(FaultKinds.Names, loaded.Scenario.Faults.Select(f => f.Kind.ToName()));
        Assert.Empty(ScenarioSchema.Errors(yaml));
    }

    /// <summary>Every key path of the schema (<c>workloads[].phases[].duration</c>), following <c>$ref</c> and list items.</summary>
    private static IEnumerable<string> SchemaKeyPaths(JsonObject node, string prefix)
    {
        if (ScenarioSchema.Resolve(node)["properties"] is not JsonObject properties)
        {
            yield break;
        }

        foreach (var (key, value) in properties)
        {
            var path = prefix.Length == 0 ? key : $"{prefix}.{key}";
            yield return path;
            if (value is not JsonObject child)
            {
                continue;
            }

            var resolved = ScenarioSchema.Resolve(child);
            foreach (var inner in SchemaKeyPaths(resolved, path))
            {
                yield return inner;
            }

            if (resolved["items"] is JsonObject items)
            {
                foreach (var inner in SchemaKeyPaths(items, path + "[]"))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>The schema node of a key path, as <see cref="SchemaKeyPaths"/> writes it (before resolving its own <c>$ref</c>).</summary>
    private static JsonObject? SchemaNodeAt(string path)
    {
        JsonObject? node = ScenarioSchema.Document;
        foreach (var segment in path.Split('.'))
        {
            var key = segment.TrimEnd('[', ']');
            node = node is null ? null : ScenarioSchema.Resolve(node)["properties"]?[key] as JsonObject;
            if (node is not null && segment.EndsWith("[]", StringComparison.Ordinal))
            {
                node = ScenarioSchema.Resolve(node)["items"] as JsonObject;
            }
        }

        return node;
    }

    /// <summary>The rows of the reference's tables headed <c>| key |</c>, by the key in their first cell, with their cells.</summary>
    private static IEnumerable<(string Key, string[] Cells)> ReferenceRows()
    {
        var inKeyTable = false;
        foreach (var line in Reference.Split('\n'))
        {
            inKeyTable = line.StartsWith("| key |", StringComparison.Ordinal) || (inKeyTable && line.StartsWith('|'));
            if (inKeyTable && KeyRow().Match(line) is { Success: true } row)
            {
                yield return (row.Groups[1].Value, line.Split('|', StringSplitOptions.TrimEntries));
            }
        }
    }

    private static string? Section(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading + "\n", StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var end = markdown.IndexOf("\n#", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    [GeneratedRegex(@"^\| `([a-z_-]+(?:\[\])?(?:\.[a-z_-]+(?:\[\])?)*)` \|")]
    private static partial Regex KeyRow();

    [GeneratedRegex(@"^\| example \| `(\{.*\})` \|$", RegexOptions.Multiline)]
    private static partial Regex FaultExamples();

    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlocks();
}
