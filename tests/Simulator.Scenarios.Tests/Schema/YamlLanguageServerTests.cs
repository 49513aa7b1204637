using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Simulator.Scenarios.Tests.Schema;

/// <summary>
/// The schema in the YAML language server itself (what VS Code's YAML extension and other editors run,
/// installed by <c>./sim test</c>): no complaint on a file the loader accepts, a complaint on every broken
/// one, and the workload kinds offered as completions.
/// </summary>
public class YamlLanguageServerTests
{
    [Fact]
    public void The_editor_accepts_what_the_loader_accepts_and_flags_every_broken_file()
    {
        var accepted = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Shipped"), "*.yaml")
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "AllFixtures"), "*.yaml", SearchOption.AllDirectories).Where(f => ScenarioLoader.Load(f).Succeeded))
            .ToList();
        var broken = Directory.GetFiles(Fixtures.Path("Rejected"), "*.yaml").Append(Fixtures.Path("five-mistakes.yaml")).ToList();

        var answer = Check(ScenarioSchema.FilePath, [.. accepted, .. broken]);

        var diagnostics = answer["results"]!.AsArray().ToDictionary(r => r!["file"]!.GetValue<string>(), r => r!["diagnostics"]!.AsArray());
        Assert.All(accepted, f => Assert.True(diagnostics[f].Count == 0, $"the editor flags {f}, which the loader accepts: {diagnostics[f].ToJsonString()}"));
        Assert.All(broken, f => Assert.True(diagnostics[f].Count > 0, $"the editor finds nothing wrong in {f}"));
        Assert.True(accepted.Count >= 10 && broken.Count >= 20, $"too few files checked: {accepted.Count} accepted, {broken.Count} broken");
        Assert.Equal(WorkloadKindRegistry.Default.Kinds.Select(k => k.Name).Order(StringComparer.Ordinal), ScenarioSchema.Strings(answer["kindCompletion"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_editor_accepts_the_topology_catalogue_and_flags_the_broken_topology_file()
    {
        var catalogue = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Topologies"), "*.yaml");
        var broken = Fixtures.Path(Path.Combine("Topologies", "several-mistakes.yaml"));

        var answer = Check(ScenarioSchema.TopologyFilePath, [.. catalogue, broken]);

        var diagnostics = answer["results"]!.AsArray().ToDictionary(r => r!["file"]!.GetValue<string>(), r => r!["diagnostics"]!.AsArray());
        Assert.Equal(7, catalogue.Length);
        Assert.All(catalogue, f => Assert.True(diagnostics[f].Count == 0, $"the editor flags {f}, which the loader accepts: {diagnostics[f].ToJsonString()}"));
        // The editor sees the schema's mistakes (a name with a space, 2/s, quorum, an unknown key): the duplicate region is sim validate's alone.
        Assert.True(diagnostics[broken].Count >= 4, $"the editor finds too little wrong in {broken}: {diagnostics[broken].ToJsonString()}");
    }

    private static JsonNode Check(string schema, IReadOnlyList<string> files)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Editor", "yaml-language-server-check.js");
        var start = new ProcessStartInfo("node", [script, schema, .. files])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        if (!node.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail("the YAML language server check did not finish within a minute");
        }

        Assert.True(node.ExitCode == 0, $"the YAML language server check failed (install it with `npm install -g yaml-language-server`, which ./sim test does): {error.Result}");
        return JsonNode.Parse(output.Result)!;
    }
}
