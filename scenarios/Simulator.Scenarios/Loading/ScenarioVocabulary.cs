namespace Simulator.Scenarios;

/// <summary>
/// The keys the loader accepts in each mapping of a scenario file. The loader reads these lists
/// and nothing else, so the JSON Schema in <c>scenarios/schema/</c> and the reference in
/// <c>docs/</c> are tested against them: a key added here and not there fails the build. Workload
/// kinds add their own parameters (<see cref="WorkloadKindRegistry"/>), and fault kinds are keys of
/// a fault too (<see cref="FaultKinds.Names"/>, <see cref="FaultKinds.ExtraKeys"/>).
/// </summary>
public static class ScenarioVocabulary
{
    /// <summary>The top level of a scenario file.</summary>
    public static IReadOnlyList<string> ScenarioKeys { get; } = ["name", "description", "topology", "duration", "seed", "network", "database", "workloads", "faults", "thresholds"];

    /// <summary>The keys of <c>network</c>.</summary>
    public static IReadOnlyList<string> NetworkKeys { get; } = ["latency", "jitter"];

    /// <summary>The keys of <c>database</c> (Patroni topologies only).</summary>
    public static IReadOnlyList<string> DatabaseKeys { get; } = ["replication", "timing"];

    /// <summary>The keys that choose and size a model, on a workload or on one of its phases.</summary>
    public static IReadOnlyList<string> PacingKeys { get; } = ["model", "rate", "stages", "concurrency", "think_time"];

    /// <summary>The keys every workload accepts, whatever its kind (a kind adds its parameters).</summary>
    public static IReadOnlyList<string> WorkloadKeys { get; } = ["name", "kind", "region", "tenant", .. PacingKeys, "phases", "lines", "pre_allocated_users", "max_users"];

    /// <summary>The keys of one of a workload's <c>phases</c>.</summary>
    public static IReadOnlyList<string> PhaseKeys { get; } = [.. PacingKeys, "duration"];

    /// <summary>The keys of one ramp stage.</summary>
    public static IReadOnlyList<string> StageKeys { get; } = ["to", "over"];

    /// <summary>The keys every fault accepts besides its kind (written as a key) and the kind's extra keys.</summary>
    public static IReadOnlyList<string> FaultKeys { get; } = ["at", "for", "only-on"];

    /// <summary>
    /// Every mapping the loader reads with a fixed set of keys, by its path in the file (<c>[]</c>
    /// stands for any item of a list), and those keys. Workloads and faults also take their kind's keys.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Mappings { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [string.Empty] = ScenarioKeys,
        ["network"] = NetworkKeys,
        ["database"] = DatabaseKeys,
        ["workloads[]"] = WorkloadKeys,
        ["workloads[].stages[]"] = StageKeys,
        ["workloads[].phases[]"] = PhaseKeys,
        ["workloads[].phases[].stages[]"] = StageKeys,
        ["faults[]"] = FaultKeys,
    }.AsReadOnly();

    /// <summary>
    /// Names other load tools use for keys this format spells differently (k6: <c>vus</c>, a stage's
    /// <c>target</c> and <c>duration</c>): an unknown key here gets a hint naming this format's key.
    /// </summary>
    public static IReadOnlyDictionary<string, string> KeyAliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["vus"] = "concurrency",
        ["users"] = "concurrency",
        ["think"] = "think_time",
        ["target"] = "to",
        ["duration"] = "over",
    }.AsReadOnly();
}
