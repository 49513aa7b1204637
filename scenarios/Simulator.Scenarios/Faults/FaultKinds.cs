using System.Diagnostics.CodeAnalysis;

namespace Simulator.Scenarios;

/// <summary>Names and rules of <see cref="FaultKind"/> values.</summary>
public static class FaultKinds
{
    /// <summary>The fault kinds a scenario file may use, each written as a key: <c>{ at: 60s, kill: leader }</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["kill", "pause", "stop", "start", "partition", "latency", "timeout", "reset", "heal", "switchover", "region-failover"];

    /// <summary>The file name of a kind, such as <c>partition</c>.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name, or <c>unspecified</c>.</returns>
    public static string ToName(this FaultKind kind) => kind == FaultKind.Unspecified ? "unspecified" : Names[(int)kind - 1];

    /// <summary>Reads a kind name such as <c>kill</c>.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="kind">The kind, when the name is known.</param>
    /// <returns><see langword="true"/> when the name is a known kind.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out FaultKind kind)
    {
        var index = name is null ? -1 : Names.ToList().IndexOf(name);
        kind = index < 0 ? FaultKind.Unspecified : (FaultKind)(index + 1);
        return index >= 0;
    }

    /// <summary>True for faults that act on processes (kill, pause, stop, start).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether the fault targets resources.</returns>
    public static bool IsProcessFault(this FaultKind kind) => kind is FaultKind.Kill or FaultKind.Pause or FaultKind.Stop or FaultKind.Start;

    /// <summary>True for faults that act on links through the fault proxy (partition, latency, timeout, reset).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether the fault targets regions or links.</returns>
    public static bool IsNetworkFault(this FaultKind kind) => kind is FaultKind.Partition or FaultKind.Latency or FaultKind.Timeout or FaultKind.Reset;

    /// <summary>True when the fault must say how long it lasts (<c>for</c>): pause, partition, latency.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether <c>for</c> is required.</returns>
    public static bool RequiresFor(this FaultKind kind) => kind is FaultKind.Pause or FaultKind.Partition or FaultKind.Latency;

    /// <summary>True when <c>for</c> has a meaning for the kind (every kind but start and heal).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>Whether <c>for</c> is allowed.</returns>
    public static bool AllowsFor(this FaultKind kind) => kind is not (FaultKind.Start or FaultKind.Heal or FaultKind.Switchover or FaultKind.RegionFailover or FaultKind.Unspecified);

    /// <summary>
    /// The extra keys a kind accepts, all durations: <c>delay</c> (required) and <c>jitter</c>
    /// for latency, <c>after</c> for timeout; none for the others.
    /// </summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The extra keys.</returns>
    public static IReadOnlyList<string> ExtraKeys(this FaultKind kind) => kind switch
    {
        FaultKind.Latency => ["delay", "jitter"],
        FaultKind.Timeout => ["after"],
        _ => [],
    };

    /// <summary>The extra keys a kind requires: <c>delay</c> for latency.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The required extra keys.</returns>
    public static IReadOnlyList<string> RequiredExtraKeys(this FaultKind kind) => kind == FaultKind.Latency ? ["delay"] : [];
}
