namespace Simulator.Chaos;

/// <summary>What a <see cref="LinkTarget"/> selects.</summary>
public enum LinkTargetKind
{
    /// <summary>Every proxied link.</summary>
    All = 0,

    /// <summary>Every link into or out of one region.</summary>
    Region,

    /// <summary>Every link between two regions, in both directions.</summary>
    Pair,

    /// <summary>The links from one region to another (one service, or all of them).</summary>
    Link,
}
