namespace Simulator.Scenarios;

/// <summary>
/// A load-and-fault scenario: which topology to stand up, how long to run, what load to drive,
/// which faults to inject when, and which thresholds decide pass or fail. Load one with
/// <see cref="ScenarioLoader"/>; check one built in code with <see cref="ScenarioValidator"/>.
/// </summary>
public sealed record Scenario
{
    /// <summary>The scenario's name; reports carry it.</summary>
    public required string Name { get; init; }

    /// <summary>What the scenario is about, for people.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The catalogue name of the topology to run on (<c>single-region-ha</c>), the name of <see cref="InlineTopology"/>
    /// when the file writes it out, or <see langword="null"/> when the caller supplies it (<c>sim compare</c>).
    /// </summary>
    public string? Topology { get; init; }

    /// <summary>The topology written out under <c>topology:</c> instead of named; null when it names a catalogue one.</summary>
    public TopologyDefinition? InlineTopology { get; init; }

    /// <summary>How long the load runs.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The seed of every random choice in the run, or <see langword="null"/> to pick one (reports record it).</summary>
    public int? Seed { get; init; }

    /// <summary>Latency and jitter between regions.</summary>
    public NetworkSettings Network { get; init; } = NetworkSettings.None;

    /// <summary>The database set-up for this run (Patroni topologies only); null keeps the topology's.</summary>
    public DatabaseSettings? Database { get; init; }

    /// <summary>The load to drive.</summary>
    public IReadOnlyList<Workload> Workloads { get; init; } = [];

    /// <summary>The faults to inject, in file order.</summary>
    public IReadOnlyList<Fault> Faults { get; init; } = [];

    /// <summary>The conditions that decide whether the run passes.</summary>
    public IReadOnlyList<Threshold> Thresholds { get; init; } = [];

    /// <summary>The file the scenario was loaded from, or <see langword="null"/> when built in code.</summary>
    public string? SourcePath { get; init; }

    /// <summary>Where each part of the scenario was written; empty when built in code.</summary>
    public SourceMap Locations { get; init; } = SourceMap.Empty;

    /// <summary>
    /// The same scenario running for <paramref name="duration"/> instead (the CLI's
    /// <c>--duration</c>). Faults and stages are kept as written: validate the result again to
    /// learn whether any of them now falls outside the run.
    /// </summary>
    /// <param name="duration">The new duration; positive.</param>
    /// <returns>The scenario with the new duration.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The duration is zero or negative.</exception>
    public Scenario WithDuration(TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        return this with { Duration = duration };
    }
}
