namespace Simulator.Scenarios;

/// <summary>
/// Loads topology files (<c>scenarios/topologies/*.yaml</c>) with the scenario loader's reader, so they get the same
/// diagnostics: file, line, column and hint for every error at once, unknown keys refused.
/// </summary>
public static class TopologyLoader
{
    /// <summary>Loads a topology file.</summary>
    /// <param name="path">The file's path; errors carry it as written.</param>
    /// <returns>The topology, or every error found (including a file that cannot be read).</returns>
    public static TopologyLoadResult Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return SourceFile.TryRead(path, out var text, out var error) ? Parse(text, path) : new TopologyLoadResult(null, [error]);
    }

    /// <summary>Parses topology text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="sourcePath">The name errors carry, usually the file's path.</param>
    /// <returns>The topology, or every error found.</returns>
    public static TopologyLoadResult Parse(string text, string sourcePath) => Parse(text, sourcePath, reservedNames: []);

    /// <summary>
    /// Loads a topology file given beside the catalogue (<c>sim compare --topologies a,./variant.yaml</c>, a suite run's
    /// <c>topologies:</c>): as <see cref="Load(string)"/>, and its name must not be one of <paramref name="reservedNames"/>
    /// (the catalogue's), since reports, report folders and <c>only-on:</c> tell topologies apart by name.
    /// </summary>
    /// <param name="path">The file's path; errors carry it as written.</param>
    /// <param name="reservedNames">The names the file's topology may not take.</param>
    /// <returns>The topology, or every error found (including a file that cannot be read).</returns>
    public static TopologyLoadResult LoadBeside(string path, IReadOnlyCollection<string> reservedNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(reservedNames);
        return SourceFile.TryRead(path, out var text, out var error) ? Parse(text, path, reservedNames) : new TopologyLoadResult(null, [error]);
    }

    private static TopologyLoadResult Parse(string text, string sourcePath, IReadOnlyCollection<string> reservedNames)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourcePath);
        var root = YamlTree.Parse(text, out var syntaxError);
        ScenarioError? rootError = (syntaxError, root) switch
        {
            ({ } syntax, _) => new ScenarioError(sourcePath, syntax.At.Line, syntax.At.Column, string.Empty, syntax.Message, "fix the YAML here or on the line before; the rest of the file is checked once it parses"),
            (_, null) => new ScenarioError(sourcePath, 1, 1, string.Empty, "the file is empty", "a topology needs at least name and regions"),
            (_, not YMapping) => new ScenarioError(sourcePath, root.Start.Line, root.Start.Column, string.Empty, $"a topology is a mapping of keys such as name, regions and database, not {root.Describe()}"),
            _ => null,
        };
        if (rootError is not null)
        {
            return new TopologyLoadResult(null, [rootError]);
        }

        var reader = new ScenarioReader(sourcePath, WorkloadKindRegistry.Default);
        var topology = reader.ReadTopologyDefinition((YMapping)root!, string.Empty);
        var errors = reader.Errors.ToList();
        if (reservedNames.Contains(topology.Name, StringComparer.Ordinal) && ((YMapping)root!).Find("name") is { } nameEntry)
        {
            errors.Add(new ScenarioError(sourcePath, nameEntry.Value.Start.Line, nameEntry.Value.Start.Column, "name",
                $"`{topology.Name}` is the name of a catalogue topology", "give the variant a name of its own: reports, their folders and only-on tell topologies apart by name"));
        }

        errors = [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
        return errors.Count == 0 ? new TopologyLoadResult(topology, []) : new TopologyLoadResult(null, errors);
    }

    /// <summary>
    /// Loads every <c>*.yaml</c> of a catalogue folder. Besides each file's own errors, a file must carry the name of
    /// its topology (<c>two-region.yaml</c> holds <c>name: two-region</c>), so that a topology is found by its name.
    /// </summary>
    /// <param name="directory">The folder, e.g. <c>scenarios/topologies</c>.</param>
    /// <returns>The topologies and every error.</returns>
    public static TopologyCatalogLoadResult LoadDirectory(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!Directory.Exists(directory))
        {
            return new TopologyCatalogLoadResult([], [new ScenarioError(directory, 0, 0, string.Empty, "the topology catalogue folder does not exist", "it ships next to the sim binary as topologies/")]);
        }

        var topologies = new List<TopologyDefinition>();
        var errors = new List<ScenarioError>();
        foreach (var file in Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
        {
            var result = Load(file);
            errors.AddRange(result.Errors);
            if (!result.Succeeded)
            {
                continue;
            }

            var expected = Path.GetFileNameWithoutExtension(file);
            if (result.Topology.Name != expected)
            {
                errors.Add(new ScenarioError(file, 1, 1, "name", $"the file holds topology `{result.Topology.Name}` but is called {Path.GetFileName(file)}", $"rename the file to {result.Topology.Name}.yaml, or the topology to {expected}"));
                continue;
            }

            topologies.Add(result.Topology);
        }

        return new TopologyCatalogLoadResult(topologies, errors);
    }

    /// <summary>
    /// Whether <paramref name="text"/> is a topology rather than a scenario: its top level has <c>regions</c> and no
    /// <c>workloads</c> (a scenario has no <c>regions</c> key). <c>sim validate</c> uses it to pick the loader.
    /// </summary>
    /// <param name="text">The YAML text.</param>
    /// <returns>True for a topology.</returns>
    public static bool LooksLikeTopology(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return YamlTree.Parse(text, out _) is YMapping map && map.Find("regions") is not null && map.Find("workloads") is null;
    }
}
