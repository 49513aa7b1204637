namespace Simulator.Load.Reports.Thresholds;

/// <summary>The unit a threshold's value was written in.</summary>
public enum ThresholdUnit
{
    /// <summary>A plain number: milliseconds for latencies, a fraction (0..1) for rates, seconds for failover times, a count otherwise.</summary>
    None,

    /// <summary><c>ms</c></summary>
    Milliseconds,

    /// <summary><c>s</c></summary>
    Seconds,

    /// <summary><c>%</c></summary>
    Percent,

    /// <summary><c>/s</c></summary>
    PerSecond,
}
