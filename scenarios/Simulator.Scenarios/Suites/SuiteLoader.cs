namespace Simulator.Scenarios;

/// <summary>
/// Loads suite files (<see cref="Suite"/>) with the scenario loader's reader, so they get the same diagnostics: every
/// error at once, each with file, line, column, field and hint; unknown keys refused. The scenarios a suite names are
/// checked by the caller (they need the topology catalogue), against the duration each run gives them.
/// </summary>
public static class SuiteLoader
{
    /// <summary>Loads <paramref name="path"/>; the suite, or every error found.</summary>
    public static (Suite? Suite, IReadOnlyList<ScenarioError> Errors) Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return SourceFile.TryRead(path, out var text, out var error)
            ? Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))!)
            : (null, [error]);
    }

    /// <summary>Parses suite text; scenario paths are resolved against <paramref name="folder"/> and must exist.</summary>
    public static (Suite? Suite, IReadOnlyList<ScenarioError> Errors) Parse(string text, string sourcePath, string folder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourcePath);
        ArgumentNullException.ThrowIfNull(folder);
        var root = YamlTree.Parse(text, out var syntaxError);
        if (syntaxError is { } syntax)
        {
            return (null, [new ScenarioError(sourcePath, syntax.At.Line, syntax.At.Column, string.Empty, syntax.Message, "fix the YAML here or on the line before")]);
        }

        if (root is not YMapping map)
        {
            var at = root?.Start ?? new SourceLocation(1, 1);
            return (null, [new ScenarioError(sourcePath, at.Line, at.Column, string.Empty, "a suite file is a mapping with name and runs", "see scenarios/suites/nightly.yaml")]);
        }

        var reader = new ScenarioReader(sourcePath, WorkloadKindRegistry.Default);
        var suite = reader.ReadSuite(map, folder);
        var errors = reader.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        return errors.Count == 0 ? (suite, []) : (null, errors);
    }
}
