namespace Simulator.Scenarios;

/// <summary>
/// The limit in a threshold. <see cref="Amount"/> is in the canonical unit of its
/// <see cref="Kind"/>: seconds for durations, a fraction for percentages (<c>1%</c> is 0.01),
/// events per second for rates, and the number itself otherwise.
/// </summary>
/// <param name="Kind">The unit family.</param>
/// <param name="Amount">The value in the canonical unit of <paramref name="Kind"/>.</param>
/// <param name="Text">The value as written.</param>
public readonly record struct ThresholdValue(ThresholdValueKind Kind, double Amount, string Text)
{
    /// <summary>The value as a duration, when it is one.</summary>
    public TimeSpan? Duration => Kind == ThresholdValueKind.Duration ? TimeSpan.FromSeconds(Amount) : null;

    /// <summary>The value as a rate, when it is one.</summary>
    public Rate? Rate => Kind == ThresholdValueKind.Rate ? new Rate(Amount) : null;

    /// <summary>The value in percent (<c>1%</c> is 1), when it is a percentage.</summary>
    public double? Percent => Kind == ThresholdValueKind.Percentage ? Amount * 100 : null;

    /// <summary>The value as written.</summary>
    public override string ToString() => Text;
}
