using System.Security;

namespace Simulator.Scenarios;

/// <summary>
/// Loads suite files (<see cref="Suite"/>) the way scenarios are loaded: every error at once, each with file, line,
/// column and field; unknown keys are errors. The scenarios a suite names are checked by the caller (they need the
/// topology catalogue), against the duration each run gives them.
/// </summary>
public static class SuiteLoader
{
    private static readonly string[] TopKeys = ["name", "description", "runs"];
    private static readonly string[] RunKeys = ["scenario", "topologies", "duration"];

    /// <summary>Loads <paramref name="path"/>; the suite, or every error found.</summary>
    public static (Suite? Suite, IReadOnlyList<ScenarioError> Errors) Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return Parse(File.ReadAllText(path), path, Path.GetDirectoryName(Path.GetFullPath(path))!);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, [new ScenarioError(path, 0, 0, string.Empty, "the file does not exist", "check the path")]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or SecurityException)
        {
            return (null, [new ScenarioError(path, 0, 0, string.Empty, "the file cannot be read: " + e.Message)]);
        }
    }

    /// <summary>Parses suite text; scenario paths are resolved against <paramref name="folder"/> and must exist.</summary>
    public static (Suite? Suite, IReadOnlyList<ScenarioError> Errors) Parse(string text, string sourcePath, string folder)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(folder);
        var root = YamlTree.Parse(text, out var syntaxError);
        if (syntaxError is { } syntax)
        {
            return (null, [new ScenarioError(sourcePath, syntax.At.Line, syntax.At.Column, string.Empty, syntax.Message, "fix the YAML here or on the line before")]);
        }

        var errors = new List<ScenarioError>();
        void Error(SourceLocation at, string field, string message, string? hint) =>
            errors.Add(new ScenarioError(sourcePath, at.Line, at.Column, field, message, hint));

        if (root is not YMapping map)
        {
            Error(root?.Start ?? new SourceLocation(1, 1), string.Empty, "a suite file is a mapping with name and runs", "see scenarios/suites/nightly.yaml");
            return (null, errors);
        }

        CheckKeys(map, TopKeys, string.Empty, Error);
        var name = Text(map, "name", string.Empty, required: true, Error);
        var description = Text(map, "description", string.Empty, required: false, Error);
        var runs = new List<SuiteEntry>();
        switch (map.Find("runs")?.Value)
        {
            case null:
                Error(map.Start, "runs", "the suite has no runs", "add runs: with at least one { scenario: file.yaml }");
                break;
            case YSequence { Items.Count: 0 } empty:
                Error(empty.Start, "runs", "the suite has no runs", "add at least one { scenario: file.yaml }");
                break;
            case YSequence list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (ReadRun(list.Items[i], $"runs[{i}]", folder, Error) is { } run)
                    {
                        runs.Add(run);
                    }
                }

                break;
            case var other:
                Error(other.Start, "runs", $"runs is {other.Describe()}, not a list of runs", "e.g. runs: [ { scenario: quickstart.yaml, duration: 30s } ]");
                break;
        }

        return errors.Count > 0 ? (null, errors) : (new Suite(sourcePath, name!, description, runs), errors);
    }

    private static SuiteEntry? ReadRun(YNode node, string field, string folder, Action<SourceLocation, string, string, string?> error)
    {
        if (node is not YMapping run)
        {
            error(node.Start, field, $"a run is a mapping, not {node.Describe()}", "e.g. { scenario: redis-loss.yaml, duration: 45s }");
            return null;
        }

        CheckKeys(run, RunKeys, field, error);
        var scenario = Text(run, "scenario", field, required: true, error);
        string? path = null;
        if (scenario is not null)
        {
            path = Path.GetFullPath(Path.Combine(folder, scenario));
            if (!File.Exists(path))
            {
                error(run.Find("scenario")!.Value.Start, $"{field}.scenario", $"no scenario file `{scenario}` next to the suite", "scenario paths are relative to the suite file's folder");
                path = null;
            }
        }

        TimeSpan? duration = null;
        if (run.Find("duration")?.Value is YScalar { IsNull: false } durationText)
        {
            if (DurationParser.TryParse(durationText.Value, out var parsed, out var problem))
            {
                duration = parsed;
            }
            else
            {
                error(durationText.At(problem.Offset), $"{field}.duration", problem.Message, problem.Hint);
            }
        }
        else if (run.Find("duration")?.Value is { } notDuration and not YScalar)
        {
            error(notDuration.Start, $"{field}.duration", $"duration is {notDuration.Describe()}, not a duration", "e.g. duration: 45s");
        }

        var topologies = new List<string>();
        switch (run.Find("topologies")?.Value)
        {
            case null or YScalar { IsNull: true }:
                break;
            case YSequence list:
                foreach (var item in list.Items)
                {
                    if (item is YScalar { IsNull: false } topology && Names.IsValid(topology.Value))
                    {
                        topologies.Add(topology.Value);
                    }
                    else
                    {
                        error(item.Start, $"{field}.topologies", "each topology is a catalogue name", "e.g. topologies: [single-primary-multi-replica, warm-standby-dr]");
                    }
                }

                break;
            case var other:
                error(other.Start, $"{field}.topologies", $"topologies is {other.Describe()}, not a list", "e.g. topologies: [single-primary-multi-replica, warm-standby-dr]");
                break;
        }

        return path is null ? null : new SuiteEntry(path, topologies, duration, run.Start.Line);
    }

    private static string? Text(YMapping map, string key, string parent, bool required, Action<SourceLocation, string, string, string?> error)
    {
        var field = parent.Length == 0 ? key : $"{parent}.{key}";
        switch (map.Find(key)?.Value)
        {
            case null or YScalar { IsNull: true }:
                if (required)
                {
                    error(map.Start, field, $"{key} is missing", null);
                }

                return null;
            case YScalar text:
                return text.Value;
            case var other:
                error(other.Start, field, $"{key} is {other.Describe()}, not text", null);
                return null;
        }
    }

    private static void CheckKeys(YMapping map, string[] known, string parent, Action<SourceLocation, string, string, string?> error)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in map.Entries)
        {
            if (entry.Key is not YScalar { Value: var key } keyNode)
            {
                error(entry.Key.Start, parent, "keys are plain names", null);
                continue;
            }

            var field = parent.Length == 0 ? key : $"{parent}.{key}";
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                error(keyNode.Start, field, $"unknown key `{key}`", Suggestions.DidYouMean(key, known) ?? $"known keys: {string.Join(", ", known)}");
            }
            else if (!seen.Add(key))
            {
                error(keyNode.Start, field, $"`{key}` is given twice", "keep one");
            }
        }
    }
}
