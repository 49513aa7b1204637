namespace Simulator.Load.Reports.Thresholds;

/// <summary>A threshold's comparison: the measured value on the left, the limit on the right.</summary>
public enum ThresholdOperator
{
    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,
}
