namespace Simulator.Scenarios;

/// <summary>The format a workload parameter's value must have.</summary>
public enum WorkloadParameterType
{
    /// <summary>Any single value.</summary>
    Text = 0,

    /// <summary>A whole number, not negative (<c>500</c>).</summary>
    WholeNumber,

    /// <summary>A whole number above zero (<c>20</c>): a size or a count that cannot be empty.</summary>
    PositiveNumber,

    /// <summary>A range of whole numbers or one number (<c>5..30</c>, <c>5</c>).</summary>
    WholeNumberRange,

    /// <summary>A duration with its unit (<c>2s</c>).</summary>
    Duration,

    /// <summary>A rate with its unit (<c>20/s</c>).</summary>
    Rate,
}
