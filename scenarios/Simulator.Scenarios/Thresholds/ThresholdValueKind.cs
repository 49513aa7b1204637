namespace Simulator.Scenarios;

/// <summary>The unit family of a threshold's value, decided by how it is written.</summary>
public enum ThresholdValueKind
{
    /// <summary>A plain number (<c>0</c>, <c>3</c>): counts.</summary>
    Number = 0,

    /// <summary>A duration (<c>1500ms</c>, <c>15s</c>, <c>1m30s</c>).</summary>
    Duration,

    /// <summary>A percentage (<c>1%</c>, <c>95%</c>).</summary>
    Percentage,

    /// <summary>A rate (<c>19/s</c>).</summary>
    Rate,
}
