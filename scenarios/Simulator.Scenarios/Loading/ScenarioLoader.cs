namespace Simulator.Scenarios;

/// <summary>
/// Loads scenario files. Every node keeps its line and column, and every error in the file is
/// reported at once — syntax first (one error: the YAML must parse before anything else can be
/// said), then unknown keys, malformed values, the validator's rules and the caller's
/// <see cref="ScenarioLoadOptions.ExtraChecks"/>. Every stage after the syntax runs whatever the
/// earlier ones found, on the parts of the file that could be read.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads and validates a scenario file.</summary>
    /// <param name="path">The file's path; errors carry it as written.</param>
    /// <param name="options">Topology catalogue and workload kinds; <see cref="ScenarioLoadOptions.Default"/> when omitted.</param>
    /// <returns>The scenario, or every error found (including a file that cannot be read).</returns>
    public static ScenarioLoadResult Load(string path, ScenarioLoadOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return SourceFile.TryRead(path, out var text, out var error) ? Parse(text, path, options) : Fail(error);
    }

    /// <summary>Parses and validates scenario text.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="sourcePath">The name errors carry, usually the file's path.</param>
    /// <param name="options">Topology catalogue and workload kinds; <see cref="ScenarioLoadOptions.Default"/> when omitted.</param>
    /// <returns>The scenario, or every error found.</returns>
    public static ScenarioLoadResult Parse(string text, string sourcePath, ScenarioLoadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourcePath);
        options ??= ScenarioLoadOptions.Default;

        var root = YamlTree.Parse(text, out var syntaxError);
        if (syntaxError is { } syntax)
        {
            return Fail(new ScenarioError(sourcePath, syntax.At.Line, syntax.At.Column, string.Empty, syntax.Message, "fix the YAML here or on the line before; the rest of the file is checked once it parses"));
        }

        if (root is null)
        {
            return Fail(new ScenarioError(sourcePath, 1, 1, string.Empty, "the file is empty", "a scenario needs at least name, duration and workloads"));
        }

        if (root is not YMapping map)
        {
            return Fail(new ScenarioError(sourcePath, root.Start.Line, root.Start.Column, string.Empty, $"a scenario is a mapping of keys such as name, duration and workloads, not {root.Describe()}"));
        }

        var reader = new ScenarioReader(sourcePath, options.WorkloadKinds);
        var scenario = reader.Read(map) with { SourcePath = sourcePath };
        var validation = ScenarioValidator.Validate(scenario, options.Catalog, i => FieldPath.Index("thresholds", reader.ThresholdFileIndexes[i]));
        var found = reader.Errors.Concat(validation.Where(e => !reader.IsAccounted(e.Field))).ToList();
        var extra = options.ExtraChecks?.Invoke(scenario) ?? [];
        var errors = found
            .Concat(extra.Where(e => !reader.IsAccounted(e.Field) && !found.Any(f => f.Field.Length > 0 && FieldPath.IsWithin(e.Field, f.Field))))
            .OrderBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ToList();
        return errors.Count == 0 ? ScenarioLoadResult.Success(scenario) : ScenarioLoadResult.Failure(errors);
    }

    private static ScenarioLoadResult Fail(ScenarioError error) => ScenarioLoadResult.Failure([error]);
}
