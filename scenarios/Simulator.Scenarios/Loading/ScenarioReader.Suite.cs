namespace Simulator.Scenarios;

/// <summary>Reading a suite file's root (<see cref="SuiteLoader"/>) with the reader's own key, value and list checks.</summary>
internal sealed partial class ScenarioReader
{
    private static readonly string[] SuiteKeys = ["name", "description", "runs"];
    private static readonly string[] SuiteRunKeys = ["scenario", "topologies", "duration", "known_breaches"];
    private static readonly string[] KnownBreachKeys = ["threshold", "reason"];

    private const string SuiteRunExample = "e.g. { scenario: redis-loss.yaml, duration: 45s }";

    private const string KnownBreachExample = "e.g. { threshold: lost_writes == 0, reason: asynchronous across regions (docs/topology-catalogue.md) }";

    /// <summary>Reads a suite; scenario paths are resolved against <paramref name="folder"/> and must exist.</summary>
    public Suite ReadSuite(YMapping map, string folder)
    {
        var keys = Keys(map, string.Empty, SuiteKeys);
        var name = Require(keys, map, string.Empty, "name", "add e.g. name: nightly") is { } nameEntry ? Text(nameEntry.Value, "name", "the suite's name") : null;
        var description = keys.TryGetValue("description", out var descriptionEntry) && descriptionEntry.Value is not YScalar { IsNull: true }
            ? Text(descriptionEntry.Value, "description", "a line of text")
            : null;
        var runsEntry = Require(keys, map, string.Empty, "runs", "add runs: with at least one " + SuiteRunExample);
        var runs = runsEntry is null ? [] : ReadList(runsEntry.Value, "runs", "runs", (node, i) => ReadSuiteRun(node, FieldPath.Index("runs", i), folder));
        if (runs.Count == 0 && runsEntry?.Value is YSequence or YScalar { IsNull: true })
        {
            Error(runsEntry.Value.Start, "runs", "the suite has no runs", "add at least one " + SuiteRunExample);
        }

        return new Suite(file, name ?? string.Empty, description, [.. runs.OfType<SuiteEntry>()]);
    }

    /// <summary>A run, or null (after reporting) when it cannot be read or its scenario file does not exist.</summary>
    private SuiteEntry? ReadSuiteRun(YNode node, string path, string folder)
    {
        if (node is not YMapping map)
        {
            Error(node.Start, path, $"expected a run mapping, found {node.Describe()}", SuiteRunExample);
            return null;
        }

        var keys = Keys(map, path, SuiteRunKeys);
        string? scenario = null;
        if (Require(keys, map, path, "scenario", "add e.g. scenario: quickstart.yaml") is { } scenarioEntry
            && Text(scenarioEntry.Value, FieldPath.Key(path, "scenario"), "a scenario file next to the suite") is { } written)
        {
            scenario = Path.GetFullPath(Path.Combine(folder, written));
            if (!File.Exists(scenario))
            {
                Error(scenarioEntry.Value.Start, FieldPath.Key(path, "scenario"), $"no scenario file `{written}` next to the suite", "scenario paths are relative to the suite file's folder");
                scenario = null;
            }
        }

        var duration = keys.TryGetValue("duration", out var durationEntry) ? Duration(durationEntry.Value, FieldPath.Key(path, "duration")) : null;
        var topologiesPath = FieldPath.Key(path, "topologies");
        var topologies = keys.TryGetValue("topologies", out var topologiesEntry)
            ? ReadList(topologiesEntry.Value, topologiesPath, "topology names or files", (item, i) => SuiteTopology(item, FieldPath.Index(topologiesPath, i), folder))
            : [];
        var breachesPath = FieldPath.Key(path, "known_breaches");
        var breaches = keys.TryGetValue("known_breaches", out var breachesEntry)
            ? ReadList(breachesEntry.Value, breachesPath, "known breaches", (item, i) => ReadKnownBreach(item, FieldPath.Index(breachesPath, i)))
            : [];
        return scenario is null
            ? null
            : new SuiteEntry(scenario, [.. topologies.OfType<string>()], duration, map.Start.Line) { KnownBreaches = [.. breaches.OfType<KnownBreach>()] };
    }

    /// <summary>A known breach: the threshold as the scenario writes it and the reason, both required.</summary>
    private KnownBreach? ReadKnownBreach(YNode node, string path)
    {
        if (node is not YMapping map)
        {
            Error(node.Start, path, $"expected a known breach mapping, found {node.Describe()}", KnownBreachExample);
            return null;
        }

        var keys = Keys(map, path, KnownBreachKeys);
        var threshold = Require(keys, map, path, "threshold", "add the threshold as the scenario writes it, e.g. threshold: lost_writes == 0") is { } thresholdEntry
            ? Text(thresholdEntry.Value, FieldPath.Key(path, "threshold"), "one of the scenario's thresholds, as written")
            : null;
        var reason = Require(keys, map, path, "reason", "add why it breaches and where that is explained, e.g. reason: asynchronous across regions (docs/topology-catalogue.md)") is { } reasonEntry
            ? Text(reasonEntry.Value, FieldPath.Key(path, "reason"), "a line of text")
            : null;
        return threshold is null || reason is null ? null : new KnownBreach(threshold, reason, map.Start.Line, map.Start.Column);
    }

    /// <summary>
    /// A topology of a run: a name as written, or a topology file (<see cref="TopologyReference.IsFile"/>) as a full
    /// path resolved against the suite's folder, which must exist; null (after reporting) otherwise.
    /// </summary>
    private string? SuiteTopology(YNode node, string path, string folder)
    {
        if (Text(node, path, "a topology name such as two-region, or a topology file such as variants/my-variant.yaml") is not { } written)
        {
            return null;
        }

        if (!TopologyReference.IsFile(written))
        {
            return TopologyName(node, path);
        }

        var file = Path.GetFullPath(Path.Combine(folder, written));
        if (File.Exists(file))
        {
            return file;
        }

        Error(node.Start, path, $"no topology file `{written}` next to the suite", "topology file paths are relative to the suite file's folder");
        return null;
    }
}
