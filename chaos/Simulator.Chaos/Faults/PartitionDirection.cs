namespace Simulator.Chaos;

/// <summary>Which traffic a partition cuts.</summary>
public enum PartitionDirection
{
    /// <summary>Everything, both ways: an unplugged cable.</summary>
    Both = 0,

    /// <summary>
    /// Only what flows from the target's first side to its second (from a region to all others, from the first
    /// region of a pair to the second, along a link from its client to its server); the other way still flows.
    /// </summary>
    OneWay,
}
