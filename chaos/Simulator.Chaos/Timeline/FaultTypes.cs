using System.Diagnostics.CodeAnalysis;

namespace Simulator.Chaos;

/// <summary>Names and families of <see cref="FaultType"/> values.</summary>
public static class FaultTypes
{
    private static readonly string[] Names = ["kill", "pause", "stop", "start", "partition", "latency", "timeout", "reset", "heal", "switchover", "region-failover"];

    /// <summary>The name as a scenario (and the report's <c>faults[].kind</c>) writes it, e.g. <c>partition</c>.</summary>
    /// <param name="type">The fault type.</param>
    /// <returns>The name.</returns>
    public static string ToName(this FaultType type) =>
        (int)type >= 1 && (int)type <= Names.Length ? Names[(int)type - 1] : type.ToString();

    /// <summary>Reads a name such as <c>kill</c>.</summary>
    /// <param name="name">The name.</param>
    /// <param name="type">The fault type, when known.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out FaultType type)
    {
        var index = name is null ? -1 : Array.IndexOf(Names, name);
        type = index < 0 ? default : (FaultType)(index + 1);
        return index >= 0;
    }

    /// <summary>Kill, pause, stop and start act on processes (<see cref="IProcessFaults"/>).</summary>
    /// <param name="type">The fault type.</param>
    /// <returns>Whether it is a process fault.</returns>
    public static bool IsProcessFault(this FaultType type) => type is FaultType.Kill or FaultType.Pause or FaultType.Stop or FaultType.Start;

    /// <summary>Partition, latency, timeout, reset and heal act on links (<see cref="ILinkFaults"/>).</summary>
    /// <param name="type">The fault type.</param>
    /// <returns>Whether it is a network fault.</returns>
    public static bool IsNetworkFault(this FaultType type) => !type.IsProcessFault() && !type.IsClusterFault();

    /// <summary>Switchover and region failover act on the database cluster's manager (<see cref="IClusterFaults"/>).</summary>
    /// <param name="type">The fault type.</param>
    /// <returns>Whether it is a cluster fault.</returns>
    public static bool IsClusterFault(this FaultType type) => type is FaultType.Switchover or FaultType.RegionFailover;
}
