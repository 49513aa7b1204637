namespace Simulator.Scenarios;

/// <summary>
/// A fault on the scenario's timeline, written with its kind as the key:
/// <c>{ at: 60s, kill: leader }</c>, <c>{ at: 2m, partition: apac, for: 30s }</c>,
/// <c>{ at: 30s, latency: eu-us, delay: 300ms, jitter: 20ms, for: 1m }</c>.
/// </summary>
public sealed record Fault
{
    /// <summary>When the fault starts, from the start of the run.</summary>
    public TimeSpan At { get; init; }

    /// <summary>What the fault does.</summary>
    public FaultKind Kind { get; init; }

    /// <summary>What it acts on: a role (<c>leader</c>), a resource, a region, a pair of regions or a proxied link.</summary>
    public required string Target { get; init; }

    /// <summary>How long the fault lasts before it is undone; <see langword="null"/> when it is not undone by itself.</summary>
    public TimeSpan? For { get; init; }

    /// <summary>The kind's extra values as written, such as <c>delay</c> and <c>jitter</c> for latency (see <see cref="FaultKinds.ExtraKeys"/>).</summary>
    public IReadOnlyDictionary<string, string> Values { get; init; } = new Dictionary<string, string>().AsReadOnly();

    /// <summary>
    /// The one topology the fault applies to (<c>only-on</c>), or <see langword="null"/> for every topology. Lets one
    /// scenario, run on several topologies by <c>sim compare</c>, hold a step only one of them has, such as the scripted
    /// <c>region-failover</c> of a warm standby; on the others the fault is left out of the run.
    /// </summary>
    public string? OnlyOn { get; init; }

    /// <summary>Whether the fault runs on the topology named <paramref name="topology"/>.</summary>
    /// <param name="topology">The topology's name; null when unknown (then every fault runs).</param>
    /// <returns>True unless <see cref="OnlyOn"/> names another topology.</returns>
    public bool AppliesTo(string? topology) => OnlyOn is null || topology is null || OnlyOn == topology;

    /// <summary>When the fault is undone by itself, or <see langword="null"/>.</summary>
    public TimeSpan? EndsAt => For is { } duration ? At + duration : null;

    /// <summary>Reads an extra value as a duration (<c>delay</c>, <c>jitter</c>, <c>after</c>).</summary>
    /// <param name="key">The extra key.</param>
    /// <returns>The duration, or <see langword="null"/> when absent or not a duration.</returns>
    public TimeSpan? GetDuration(string key) =>
        Values.TryGetValue(key, out var text) && DurationParser.TryParse(text, out var value) ? value : null;
}
