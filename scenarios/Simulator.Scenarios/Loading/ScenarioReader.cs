using System.Collections.ObjectModel;
using System.Globalization;

namespace Simulator.Scenarios;

/// <summary>
/// Turns the YAML tree into a <see cref="Scenario"/>, recording every position and every error.
/// It always builds a model, with placeholders where parts were unreadable, so that the
/// validator can still look at the rest; fields it has already reported on are "accounted" and
/// the validator's findings on them are dropped, so one mistake yields one error.
/// </summary>
internal sealed partial class ScenarioReader(string file, WorkloadKindRegistry kinds)
{
    private static readonly IReadOnlyList<string> ScenarioKeys = ScenarioVocabulary.ScenarioKeys;
    private static readonly IReadOnlyList<string> NetworkKeys = ScenarioVocabulary.NetworkKeys;
    private static readonly IReadOnlyList<string> DatabaseKeys = ScenarioVocabulary.DatabaseKeys;
    private static readonly IReadOnlyList<string> PacingKeys = ScenarioVocabulary.PacingKeys;
    private static readonly IReadOnlyList<string> WorkloadKeys = ScenarioVocabulary.WorkloadKeys;
    private static readonly IReadOnlyList<string> PhaseKeys = ScenarioVocabulary.PhaseKeys;
    private static readonly IReadOnlyList<string> StageKeys = ScenarioVocabulary.StageKeys;
    private static readonly IReadOnlyDictionary<string, string> KeyAliases = ScenarioVocabulary.KeyAliases;
    private static readonly string[] FaultKeys = [.. ScenarioVocabulary.FaultKeys, .. FaultKinds.Names];

    private readonly List<ScenarioError> _errors = [];
    private readonly Dictionary<string, SourceLocation> _locations = new(StringComparer.Ordinal);
    private readonly HashSet<string> _accounted = new(StringComparer.Ordinal);
    private readonly List<int> _thresholdFileIndexes = [];

    public IReadOnlyList<ScenarioError> Errors => _errors;

    /// <summary>For each threshold in the model, its index in the file (unreadable ones are left out of the model).</summary>
    public IReadOnlyList<int> ThresholdFileIndexes => _thresholdFileIndexes;

    /// <summary>True when the reader already reported on <paramref name="field"/> or a field above it.</summary>
    public bool IsAccounted(string field) => _accounted.Any(a => FieldPath.IsWithin(field, a));

    public Scenario Read(YMapping root)
    {
        _locations[string.Empty] = root.Start;
        var keys = Keys(root, string.Empty, ScenarioKeys);
        var name = Require(keys, root, string.Empty, "name", "add e.g. name: quickstart") is { } nameEntry ? Text(nameEntry.Value, "name", "a name") : null;
        var description = keys.TryGetValue("description", out var descriptionEntry) && descriptionEntry.Value is not YScalar { IsNull: true }
            ? Text(descriptionEntry.Value, "description", "a line of text")
            : null;
        var topology = keys.TryGetValue("topology", out var topologyEntry) ? ReadTopology(topologyEntry.Value) : null;
        var duration = Require(keys, root, string.Empty, "duration", "add e.g. duration: 60s") is { } durationEntry ? Duration(durationEntry.Value, "duration") : null;
        var seed = keys.TryGetValue("seed", out var seedEntry) ? Integer(seedEntry.Value, "seed", "a whole number such as 42", allowNegative: true) : null;
        var network = keys.TryGetValue("network", out var networkEntry) ? ReadNetwork(networkEntry.Value) : NetworkSettings.None;
        var database = keys.TryGetValue("database", out var databaseEntry) ? ReadDatabase(databaseEntry.Value) : null;
        var workloads = Require(keys, root, string.Empty, "workloads", "add a list, e.g. workloads: [{ name: order-import, region: eu, model: constant-rate, rate: 10/s }]") is { } workloadsEntry
            ? ReadList(workloadsEntry.Value, "workloads", "workloads", ReadWorkload)
            : [];
        var faults = keys.TryGetValue("faults", out var faultsEntry) ? ReadList(faultsEntry.Value, "faults", "faults", ReadFault) : [];
        var thresholds = keys.TryGetValue("thresholds", out var thresholdsEntry) ? ReadThresholds(thresholdsEntry.Value) : [];

        return new Scenario
        {
            Name = name ?? string.Empty,
            Description = description,
            Topology = topology,
            InlineTopology = _inlineTopology,
            Duration = duration ?? TimeSpan.Zero,
            Seed = seed,
            Network = network,
            Database = database,
            Workloads = workloads,
            Faults = faults,
            Thresholds = thresholds,
            Locations = new SourceMap(_locations.AsReadOnly()),
        };
    }

    private NetworkSettings ReadNetwork(YNode node)
    {
        if (node is YScalar { IsNull: true })
        {
            return NetworkSettings.None;
        }

        if (node is not YMapping map)
        {
            Error(node.Start, "network", $"expected a mapping with latency and jitter, found {node.Describe()}", "e.g. network: { latency: { eu-us: 80ms }, jitter: 5ms }");
            return NetworkSettings.None;
        }

        var keys = Keys(map, "network", NetworkKeys);
        var latency = new Dictionary<RegionPair, TimeSpan>();
        if (keys.TryGetValue("latency", out var latencyEntry))
        {
            ReadLatency(latencyEntry.Value, latency);
        }

        var jitter = keys.TryGetValue("jitter", out var jitterEntry) ? Duration(jitterEntry.Value, "network.jitter") : null;
        return new NetworkSettings { Latency = latency.AsReadOnly(), Jitter = jitter ?? TimeSpan.Zero };
    }

    private DatabaseSettings? ReadDatabase(YNode node)
    {
        if (node is YScalar { IsNull: true })
        {
            return null;
        }

        if (node is not YMapping map)
        {
            Error(node.Start, "database", $"expected a mapping with replication and timing, found {node.Describe()}", "e.g. database: { replication: sync, timing: fast }");
            return null;
        }

        var keys = Keys(map, "database", DatabaseKeys);
        return new DatabaseSettings
        {
            Replication = keys.TryGetValue("replication", out var replication) ? OneOf(replication.Value, "database.replication", DatabaseSettings.ReplicationModes) : null,
            Timing = keys.TryGetValue("timing", out var timing) ? OneOf(timing.Value, "database.timing", DatabaseSettings.Timings) : null,
        };
    }

    /// <summary>The scalar's text when it is one of <paramref name="allowed"/>; otherwise an error listing them, and null.</summary>
    private string? OneOf(YNode node, string field, IReadOnlyList<string> allowed)
    {
        var choices = string.Join(", ", allowed);
        if (Text(node, field, "one of " + choices) is not { } value)
        {
            return null;
        }

        if (allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }

        Error(node.Start, field, $"unknown value `{value}`", "one of " + choices);
        return null;
    }

    private void ReadLatency(YNode node, Dictionary<RegionPair, TimeSpan> latency)
    {
        const string Path = "network.latency";
        if (node is YScalar { IsNull: true })
        {
            return;
        }

        if (node is not YMapping map)
        {
            Error(node.Start, Path, $"expected a mapping of region pairs to latencies, found {node.Describe()}", "e.g. latency: { eu-us: 80ms, eu-apac: 150ms }");
            return;
        }

        var firstLines = new Dictionary<RegionPair, (string Key, int Line)>();
        foreach (var entry in map.Entries)
        {
            if (entry.Key is not YScalar { IsNull: false } key)
            {
                Error(entry.Key.Start, Path, $"a key must be a pair of regions such as eu-us, not {entry.Key.Describe()}");
                continue;
            }

            var field = FieldPath.Key(Path, key.Value);
            _locations[field] = entry.Value.Start;
            if (!RegionPair.TryParse(key.Value, out var pair, out var pairError))
            {
                Error(key.Start, field, pairError.Message, pairError.Hint);
                continue;
            }

            _locations.TryAdd(FieldPath.Key(Path, pair.ToString()), entry.Value.Start);
            var earlier = firstLines.Keys.Where(p => p.SameLinkAs(pair)).Select(p => firstLines[p]).FirstOrDefault();
            if (earlier.Key is not null)
            {
                Error(key.Start, field, $"the link between {pair.First} and {pair.Second} is already set by `{earlier.Key}` on line {earlier.Line}", "links are symmetric: keep one of them", account: false);
                continue;
            }

            if (Duration(entry.Value, field) is { } value)
            {
                firstLines[pair] = (key.Value, key.Start.Line);
                latency[pair] = value;
            }
        }
    }

    private IReadOnlyList<T> ReadList<T>(YNode node, string path, string what, Func<YNode, int, T> readItem)
    {
        if (node is YScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YSequence sequence)
        {
            Error(node.Start, path, $"expected a list of {what}, found {node.Describe()}", "start each item with `- `, or write [ ... ]");
            return [];
        }

        return [.. sequence.Items.Select(readItem)];
    }

    private Workload ReadWorkload(YNode node, int index)
    {
        var path = FieldPath.Index("workloads", index);
        _locations[path] = node.Start;
        if (node is not YMapping map)
        {
            Error(node.Start, path, $"expected a workload mapping, found {node.Describe()}", "e.g. { name: order-import, region: eu, model: constant-rate, rate: 10/s }");
            return new Workload { Name = string.Empty, Region = string.Empty };
        }

        var kindSource = map.Find("kind") ?? map.Find("name");
        var kindName = kindSource?.Value is YScalar { IsNull: false } kindScalar ? kindScalar.Value : null;
        WorkloadKind? kind = null;
        if (kindName is not null)
        {
            kinds.TryGet(kindName, out kind);
        }

        var known = kind is null ? WorkloadKeys : [.. WorkloadKeys, .. kind.Parameters.Keys];
        var keys = Keys(map, path, known, key => ExplainWorkloadKey(key, kindName));

        var name = Require(keys, map, path, "name", "add e.g. name: order-import") is { } nameEntry ? Text(nameEntry.Value, FieldPath.Key(path, "name"), "a name") : null;
        var explicitKind = keys.TryGetValue("kind", out var kindEntry) ? Text(kindEntry.Value, FieldPath.Key(path, "kind"), "a workload kind") : null;
        var region = Require(keys, map, path, "region", "add e.g. region: eu") is { } regionEntry ? Text(regionEntry.Value, FieldPath.Key(path, "region"), "a region name") : null;
        var tenant = keys.TryGetValue("tenant", out var tenantEntry) ? Text(tenantEntry.Value, FieldPath.Key(path, "tenant"), "a tenant name") : null;
        var phasesPath = FieldPath.Key(path, "phases");
        WorkloadPhase pacing;
        IReadOnlyList<WorkloadPhase> phases = [];
        if (keys.TryGetValue("phases", out var phasesEntry))
        {
            foreach (var key in PacingKeys.Where(keys.ContainsKey))
            {
                Error(keys[key].Key.Start, FieldPath.Key(path, key), $"`{key}` and `phases` do not mix: each phase sets its own model", $"move {key} into the phases, or remove phases");
            }

            pacing = new WorkloadPhase();
            phases = ReadList(phasesEntry.Value, phasesPath, "phases", (item, i) => ReadPhase(item, FieldPath.Index(phasesPath, i), kind));
            if (phases.Count == 0 && phasesEntry.Value is YSequence or YScalar { IsNull: true })
            {
                Error(phasesEntry.Value.Start, phasesPath, "`phases` lists no phase", "add e.g. - { model: constant-rate, rate: 10/s, duration: 30s }, or remove phases and set model");
                _accounted.Add(FieldPath.Key(path, "model"));
            }
        }
        else
        {
            pacing = ReadPacing(keys, map, path, allowPause: false);
        }

        var lines = keys.TryGetValue("lines", out var linesEntry) ? Range(linesEntry.Value, FieldPath.Key(path, "lines")) : null;
        var preAllocated = keys.TryGetValue("pre_allocated_users", out var preEntry)
            ? Integer(preEntry.Value, FieldPath.Key(path, "pre_allocated_users"), "a number of users such as 50")
            : null;
        var maxUsers = keys.TryGetValue("max_users", out var maxEntry)
            ? Integer(maxEntry.Value, FieldPath.Key(path, "max_users"), "a number of users such as 200")
            : null;

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (kind is not null)
        {
            foreach (var (key, type) in kind.Parameters)
            {
                if (keys.TryGetValue(key, out var entry) && Parameter(entry.Value, FieldPath.Key(path, key), type) is { } value)
                {
                    parameters[key] = value;
                }
            }

            foreach (var key in kind.Required)
            {
                Require(keys, map, path, key, $"add e.g. {key}: {Example(kind.Parameters.GetValueOrDefault(key))}");
            }
        }
        else if (kindName is not null)
        {
            var knownKinds = kinds.Kinds.Select(k => k.Name).ToList();
            var at = kindSource!.Value.Start;
            if (kindEntry is not null)
            {
                Error(at, FieldPath.Key(path, "kind"), $"unknown workload kind `{kindName}`", Suggestions.DidYouMean(kindName, knownKinds) ?? "known kinds: " + string.Join(", ", knownKinds));
            }
            else
            {
                Error(
                    at,
                    FieldPath.Key(path, "kind"),
                    $"`{kindName}` is not a known workload kind, and the workload sets no `kind`",
                    Suggestions.DidYouMean(kindName, knownKinds) ?? $"add kind: with one of {string.Join(", ", knownKinds)}");
            }
        }

        return new Workload
        {
            Name = name ?? string.Empty,
            Kind = explicitKind ?? name ?? string.Empty,
            Region = region ?? string.Empty,
            Tenant = tenant,
            Model = pacing.Model,
            Rate = pacing.Rate,
            Stages = pacing.Stages,
            Concurrency = pacing.Concurrency,
            ThinkTime = pacing.ThinkTime,
            Phases = phases,
            Lines = lines,
            PreAllocatedUsers = preAllocated,
            MaxUsers = maxUsers,
            Parameters = parameters.AsReadOnly(),
        };
    }

    /// <summary>The model keys of a workload or phase: model, rate, stages, concurrency, think_time.</summary>
    private WorkloadPhase ReadPacing(Dictionary<string, YEntry> keys, YMapping map, string path, bool allowPause)
    {
        var model = Require(keys, map, path, "model", "add e.g. model: constant-rate") is { } modelEntry
            ? Model(modelEntry.Value, FieldPath.Key(path, "model"), allowPause)
            : WorkloadModel.Unspecified;
        var rate = keys.TryGetValue("rate", out var rateEntry) ? RateValue(rateEntry.Value, FieldPath.Key(path, "rate")) : null;
        var stagesPath = FieldPath.Key(path, "stages");
        var stages = keys.TryGetValue("stages", out var stagesEntry)
            ? ReadList(stagesEntry.Value, stagesPath, "stages", (item, i) => ReadStage(item, FieldPath.Index(stagesPath, i), model))
            : [];
        var concurrency = keys.TryGetValue("concurrency", out var concurrencyEntry)
            ? Integer(concurrencyEntry.Value, FieldPath.Key(path, "concurrency"), "a number of users such as 10")
            : null;
        var thinkTime = keys.TryGetValue("think_time", out var thinkEntry) ? Duration(thinkEntry.Value, FieldPath.Key(path, "think_time")) : null;
        return new WorkloadPhase { Model = model, Rate = rate, Stages = stages, Concurrency = concurrency, ThinkTime = thinkTime ?? TimeSpan.Zero };
    }

    private WorkloadPhase ReadPhase(YNode node, string path, WorkloadKind? kind)
    {
        _locations[path] = node.Start;
        if (node is not YMapping map)
        {
            Error(node.Start, path, $"expected a phase mapping, found {node.Describe()}", "e.g. { model: constant-rate, rate: 10/s, duration: 30s }");
            return new WorkloadPhase();
        }

        var keys = Keys(map, path, PhaseKeys, key => WorkloadKeys.Contains(key) || kind?.Parameters.ContainsKey(key) == true
            ? $"`{key}` is set on the workload, for all its phases"
            : null);
        var pacing = ReadPacing(keys, map, path, allowPause: true);
        var duration = keys.TryGetValue("duration", out var durationEntry) ? Duration(durationEntry.Value, FieldPath.Key(path, "duration")) : null;
        return pacing with { Duration = duration };
    }

    private static string Example(WorkloadParameterType type) => type switch
    {
        WorkloadParameterType.WholeNumber => "10",
        WorkloadParameterType.WholeNumberRange => "5..30",
        WorkloadParameterType.Duration => "2s",
        WorkloadParameterType.Rate => "20/s",
        WorkloadParameterType.UrlPath => "/web/health",
        WorkloadParameterType.HttpMethod => "GET",
        WorkloadParameterType.HttpStatus => "2xx",
        WorkloadParameterType.MediaType => "application/json",
        WorkloadParameterType.Acknowledgement => AcknowledgementValues.Commit,
        _ => "…",
    };

    private string? ExplainWorkloadKey(string key, string? kindName)
    {
        if (key == "duration")
        {
            return "a workload runs as long as the scenario; to run a model for part of it, use phases: [{ model: …, duration: 30s }, …]";
        }

        var owners = kinds.Kinds.Where(k => k.Parameters.ContainsKey(key)).Select(k => k.Name).ToList();
        return owners.Count == 0
            ? null
            : $"`{key}` is a parameter of {string.Join(", ", owners)} workloads, and this workload's kind is `{kindName ?? "unknown"}`";
    }

    private RampStage ReadStage(YNode node, string path, WorkloadModel model)
    {
        _locations[path] = node.Start;
        if (node is not YMapping map)
        {
            Error(node.Start, path, $"expected a stage mapping, found {node.Describe()}", "e.g. { to: 40/s, over: 1m }");
            return new RampStage();
        }

        var keys = Keys(map, path, StageKeys);
        var toHint = model == WorkloadModel.RampingConcurrency ? "add e.g. to: 50" : "add e.g. to: 40/s";
        Rate? rate = null;
        int? concurrency = null;
        if (Require(keys, map, path, "to", toHint) is { } toEntry)
        {
            var field = FieldPath.Key(path, "to");
            var wantsRate = model switch
            {
                WorkloadModel.RampingRate => true,
                WorkloadModel.RampingConcurrency => false,
                _ => toEntry.Value is YScalar s && s.Value.Contains('/', StringComparison.Ordinal),
            };
            if (wantsRate)
            {
                rate = RateValue(toEntry.Value, field);
            }
            else
            {
                concurrency = Integer(toEntry.Value, field, "a number of users such as 50");
            }
        }

        var over = Require(keys, map, path, "over", "add e.g. over: 1m") is { } overEntry ? Duration(overEntry.Value, FieldPath.Key(path, "over")) : null;
        return new RampStage { Rate = rate, Concurrency = concurrency, Over = over ?? TimeSpan.Zero };
    }

    private Fault ReadFault(YNode node, int index)
    {
        var path = FieldPath.Index("faults", index);
        _locations[path] = node.Start;
        if (node is not YMapping map)
        {
            Error(node.Start, path, $"expected a fault mapping, found {node.Describe()}", "e.g. { at: 60s, kill: leader }");
            return new Fault { Target = string.Empty };
        }

        var kindEntries = map.Entries
            .Where(e => e.Key is YScalar k && FaultKinds.TryParse(k.Value, out _))
            .DistinctBy(e => ((YScalar)e.Key).Value)
            .ToList();
        var kind = kindEntries.Count > 0 && FaultKinds.TryParse(((YScalar)kindEntries[0].Key).Value, out var firstKind)
            ? firstKind
            : FaultKind.Unspecified;

        var keys = Keys(map, path, [.. FaultKeys, .. kind.ExtraKeys()], key => ExplainFaultKey(key, kind));
        foreach (var extra in kindEntries.Skip(1))
        {
            var extraName = ((YScalar)extra.Key).Value;
            Error(
                extra.Key.Start,
                FieldPath.Key(path, extraName),
                $"a fault has one kind, but both `{kind.ToName()}` and `{extraName}` are set",
                "split it into two faults at the same time");
        }

        var at = Require(keys, map, path, "at", "add e.g. at: 60s") is { } atEntry ? Duration(atEntry.Value, FieldPath.Key(path, "at")) : null;
        string? target = null;
        if (kind == FaultKind.Unspecified)
        {
            Error(map.Start, path, "the fault has no kind", $"write the kind as a key with its target, e.g. {{ at: 60s, kill: leader }}; kinds are {string.Join(", ", FaultKinds.Names)}");
        }
        else
        {
            var kindField = FieldPath.Key(path, kind.ToName());
            target = Text(kindEntries[0].Value, kindField, "a target such as leader, a region or a link like eu-us");
        }

        var duration = keys.TryGetValue("for", out var forEntry) ? Duration(forEntry.Value, FieldPath.Key(path, "for")) : null;
        var onlyOn = keys.TryGetValue("only-on", out var onlyOnEntry) ? Text(onlyOnEntry.Value, FieldPath.Key(path, "only-on"), "a topology name, e.g. warm-standby-dr") : null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in kind.ExtraKeys())
        {
            if (keys.TryGetValue(key, out var entry) && Parameter(entry.Value, FieldPath.Key(path, key), WorkloadParameterType.Duration) is { } value)
            {
                values[key] = value;
            }
        }

        return new Fault { At = at ?? TimeSpan.Zero, Kind = kind, Target = target ?? string.Empty, For = duration, OnlyOn = onlyOn, Values = values.AsReadOnly() };
    }

    private static string? ExplainFaultKey(string key, FaultKind kind)
    {
        var owners = Enum.GetValues<FaultKind>().Where(k => k.ExtraKeys().Contains(key)).Select(k => k.ToName()).ToList();
        return owners.Count == 0 ? null : $"`{key}` is used by {string.Join(", ", owners)} faults, not by {kind.ToName()}";
    }

    private ReadOnlyCollection<Threshold> ReadThresholds(YNode node)
    {
        if (node is YScalar { IsNull: true })
        {
            return ReadOnlyCollection<Threshold>.Empty;
        }

        if (node is not YSequence sequence)
        {
            Error(node.Start, "thresholds", $"expected a list of thresholds, found {node.Describe()}", "e.g. thresholds: [ \"order-import.p99 < 1500ms\", \"lost_writes == 0\" ]");
            return ReadOnlyCollection<Threshold>.Empty;
        }

        var thresholds = new List<Threshold>();
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var path = FieldPath.Index("thresholds", i);
            _locations[path] = item.Start;
            if (item is not YScalar { IsNull: false } scalar)
            {
                Error(item.Start, path, $"expected a threshold such as `order-import.p99 < 1500ms`, found {item.Describe()}", "write the whole threshold as one line of text; quote it if it holds `: `");
                continue;
            }

            if (!Threshold.TryParse(scalar.Value, out var threshold, out var error))
            {
                Error(scalar.At(error.Offset), path, error.Message, error.Hint);
                continue;
            }

            thresholds.Add(threshold);
            _thresholdFileIndexes.Add(i);
        }

        return thresholds.AsReadOnly();
    }

    private Dictionary<string, YEntry> Keys(YMapping map, string path, IReadOnlyCollection<string> known, Func<string, string?>? explainUnknown = null)
    {
        var found = new Dictionary<string, YEntry>(StringComparer.Ordinal);
        var meant = new List<string>();
        foreach (var entry in map.Entries)
        {
            if (entry.Key is not YScalar { IsNull: false } key)
            {
                Error(entry.Key.Start, path, $"a key must be a name, not {entry.Key.Describe()}", account: false);
                continue;
            }

            var field = FieldPath.Key(path, key.Value);
            if (!known.Contains(key.Value))
            {
                var matches = KeyAliases.TryGetValue(key.Value, out var alias) && known.Contains(alias)
                    ? [alias]
                    : Suggestions.AllClosest(key.Value, known);
                var hint = (alias is not null && known.Contains(alias) ? $"this format calls it `{alias}`" : null)
                    ?? Suggestions.DidYouMean(key.Value, known)
                    ?? explainUnknown?.Invoke(key.Value)
                    ?? "known keys here: " + string.Join(", ", known);
                Error(key.Start, field, $"unknown key `{key.Value}`", hint);
                if (matches.Count == 1)
                {
                    meant.Add(matches[0]);
                }

                continue;
            }

            if (found.TryGetValue(key.Value, out var first))
            {
                Error(key.Start, field, $"`{key.Value}` is set twice; the first is on line {first.Key.Start.Line}", "keep one of them", account: false);
                continue;
            }

            found[key.Value] = entry;
            _locations[field] = entry.Value.Start;
        }

        // A misspelt key already explains why the key it stands for is missing: say it once.
        foreach (var key in meant.Where(k => !found.ContainsKey(k)))
        {
            _accounted.Add(FieldPath.Key(path, key));
        }

        return found;
    }

    private YEntry? Require(Dictionary<string, YEntry> keys, YMapping map, string path, string key, string hint)
    {
        if (keys.TryGetValue(key, out var entry))
        {
            return entry;
        }

        var field = FieldPath.Key(path, key);
        if (!_accounted.Contains(field))
        {
            Error(map.Start, field, $"missing required key `{key}`", hint);
        }

        return null;
    }

    private YScalar? Scalar(YNode node, string field, string what)
    {
        switch (node)
        {
            case YScalar { IsNull: true }:
                Error(node.Start, field, "no value given", $"write {what}");
                return null;
            case YScalar scalar:
                return scalar;
            default:
                Error(node.Start, field, $"expected {what}, found {node.Describe()}");
                return null;
        }
    }

    private string? Text(YNode node, string field, string what) => Scalar(node, field, what)?.Value;

    private TimeSpan? Duration(YNode node, string field)
    {
        if (Scalar(node, field, "a duration such as 30s") is not { } scalar)
        {
            return null;
        }

        if (DurationParser.TryParse(scalar.Value, out var value, out var error))
        {
            return value;
        }

        Error(scalar.At(error.Offset), field, error.Message, error.Hint);
        return null;
    }

    private Rate? RateValue(YNode node, string field)
    {
        if (Scalar(node, field, "a rate such as 20/s") is not { } scalar)
        {
            return null;
        }

        if (Rate.TryParse(scalar.Value, out var value, out var error))
        {
            return value;
        }

        Error(scalar.At(error.Offset), field, error.Message, error.Hint);
        return null;
    }

    private IntRange? Range(YNode node, string field)
    {
        if (Scalar(node, field, "a range such as 5..30") is not { } scalar)
        {
            return null;
        }

        if (IntRange.TryParse(scalar.Value, out var value, out var error))
        {
            return value;
        }

        Error(scalar.At(error.Offset), field, error.Message, error.Hint);
        return null;
    }

    private int? Integer(YNode node, string field, string what, bool allowNegative = false)
    {
        if (Scalar(node, field, what) is not { } scalar)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        var digits = allowNegative && text.StartsWith('-') ? text[1..] : text;
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit) &&
            int.TryParse(text, allowNegative ? NumberStyles.AllowLeadingSign : NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var hint = text.Contains('/', StringComparison.Ordinal)
            ? $"this is a count, not a rate: write {what}"
            : $"write {what}";
        Error(scalar.Start, field, $"`{text}` is not a whole number", hint);
        return null;
    }

    private int? PositiveInteger(YNode node, string field)
    {
        var value = Integer(node, field, "a whole number above zero");
        if (value == 0)
        {
            Error(node.Start, field, "must be above zero", "write a whole number such as 1");
            return null;
        }

        return value;
    }

    private WorkloadModel Model(YNode node, string field, bool allowPause)
    {
        if (Scalar(node, field, "a model such as constant-rate") is not { } scalar)
        {
            return WorkloadModel.Unspecified;
        }

        if (WorkloadModels.TryParse(scalar.Value, out var model))
        {
            if (model != WorkloadModel.Pause || allowPause)
            {
                return model;
            }

            Error(scalar.Start, field, "`pause` is a model for one of a workload's phases, not for a whole workload", "e.g. phases: [{ model: constant-rate, rate: 10/s, duration: 30s }, { model: pause, duration: 10s }]");
            return WorkloadModel.Unspecified;
        }

        var names = allowPause ? WorkloadModels.PhaseNames : WorkloadModels.Names;
        Error(scalar.Start, field, $"unknown model `{scalar.Value}`", Suggestions.DidYouMean(scalar.Value, names) ?? "use " + Suggestions.OneOf(names));
        return WorkloadModel.Unspecified;
    }

    private string? Parameter(YNode node, string field, WorkloadParameterType type)
    {
        switch (type)
        {
            case WorkloadParameterType.WholeNumber:
                return Integer(node, field, "a whole number") is { } integer ? integer.ToString(CultureInfo.InvariantCulture) : null;
            case WorkloadParameterType.PositiveNumber:
                return PositiveInteger(node, field) is { } positive ? positive.ToString(CultureInfo.InvariantCulture) : null;
            case WorkloadParameterType.WholeNumberRange:
                return Range(node, field) is { } range ? range.ToString() : null;
            case WorkloadParameterType.Duration:
                return Duration(node, field) is not null ? ((YScalar)node).Value.Trim() : null;
            case WorkloadParameterType.Rate:
                return RateValue(node, field) is not null ? ((YScalar)node).Value.Trim() : null;
            case WorkloadParameterType.UrlPath:
                return Checked(node, field, "a path such as /web/health", HttpValues.TryParsePath);
            case WorkloadParameterType.HttpMethod:
                return Checked(node, field, "a method such as GET", HttpValues.TryParseMethod);
            case WorkloadParameterType.HttpStatus:
                return Checked(node, field, "a status such as 200 or 2xx", HttpValues.TryParseStatus);
            case WorkloadParameterType.MediaType:
                return Checked(node, field, "a media type such as application/json", HttpValues.TryParseMediaType);
            case WorkloadParameterType.Headers:
                return Headers(node, field);
            case WorkloadParameterType.Acknowledgement:
                return Checked(node, field, "read-back or commit", AcknowledgementValues.TryParse);
            default:
                return Text(node, field, "a value");
        }
    }

    /// <summary>A mapping of header names to values, as <c>Name: value</c> lines; null after reporting every bad entry.</summary>
    private string? Headers(YNode node, string field)
    {
        const string Example = "e.g. headers: { Authorization: \"Bearer token\", X-Tenant: acme }";
        if (node is not YMapping mapping)
        {
            Error(node.Start, field, $"expected a mapping of header names to values, found {node.Describe()}", Example);
            return null;
        }

        var lines = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var valid = true;
        foreach (var entry in mapping.Entries)
        {
            var name = (entry.Key as YScalar)?.Value ?? string.Empty;
            var value = entry.Value as YScalar;
            if (name.Length == 0 || !name.All(IsHeaderNameChar))
            {
                Error(entry.Key.Start, field, $"`{name}` is not a header name", "letters, digits and !#$%&'*+-.^_`|~ only");
                valid = false;
            }
            else if (!names.Add(name))
            {
                Error(entry.Key.Start, field, $"header `{name}` is given twice (names are case-insensitive)", "give each header once");
                valid = false;
            }
            else if (value is null || value.Value.Contains('\r', StringComparison.Ordinal) || value.Value.Contains('\n', StringComparison.Ordinal))
            {
                Error(entry.Value.Start, $"{field}.{name}", "expected one line of text", Example);
                valid = false;
            }
            else
            {
                lines.Add($"{name}: {value.Value.Trim()}");
            }
        }

        return valid ? string.Join('\n', lines) : null;
    }

    private static bool IsHeaderNameChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private delegate bool ValueCheck(string text, out string value, out ValueParseError? error);

    /// <summary>A scalar's trimmed text read by <paramref name="check"/>, or null after reporting why it is not valid.</summary>
    private string? Checked(YNode node, string field, string what, ValueCheck check)
    {
        if (Scalar(node, field, what) is not { } scalar)
        {
            return null;
        }

        var text = scalar.Value.Trim();
        if (check(text, out var value, out var error))
        {
            return value;
        }

        Error(scalar.At(error!.Offset), field, error.Message, error.Hint);
        return null;
    }

    private void Error(SourceLocation at, string field, string message, string? hint = null, bool account = true)
    {
        _errors.Add(new ScenarioError(file, at.Line, at.Column, field, message, hint));
        if (account)
        {
            _accounted.Add(field);
        }
    }
}
