using Simulator.Load.Reports.Thresholds;
using Simulator.Scenarios;
using ScenarioOperator = Simulator.Scenarios.ThresholdOperator;
using SpecOperator = Simulator.Load.Reports.Thresholds.ThresholdOperator;

namespace Simulator.AppHost.Run;

/// <summary>
/// Maps a scenario's parsed thresholds onto what the report's evaluator takes. There is one parser
/// (<see cref="Threshold"/>, with file positions for errors) and one evaluator (the load library's
/// <see cref="ThresholdEvaluator"/>, which has no reference to the scenario model): this is their only bridge.
/// </summary>
public static class ThresholdMapping
{
    /// <summary>The evaluator's form of <paramref name="threshold"/>, keeping the unit it was written in.</summary>
    public static ThresholdSpec ToSpec(Threshold threshold)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        var value = threshold.Value;
        var (amount, unit) = value.Kind switch
        {
            // Durations are parsed to seconds; show them in the unit the author wrote.
            ThresholdValueKind.Duration when value.Text.EndsWith("ms", StringComparison.Ordinal) =>
                (value.Amount * 1000, ThresholdUnit.Milliseconds),
            ThresholdValueKind.Duration => (value.Amount, ThresholdUnit.Seconds),
            ThresholdValueKind.Percentage => (value.Amount * 100, ThresholdUnit.Percent),
            ThresholdValueKind.Rate => (value.Amount, ThresholdUnit.PerSecond),
            _ => (value.Amount, ThresholdUnit.None),
        };
        return new ThresholdSpec(threshold.Metric, Map(threshold.Operator), amount, unit)
        {
            Expression = threshold.Expression,
            Window = threshold.Window,
        };
    }

    private static SpecOperator Map(ScenarioOperator op) => op switch
    {
        ScenarioOperator.LessThan => SpecOperator.LessThan,
        ScenarioOperator.LessThanOrEqual => SpecOperator.LessThanOrEqual,
        ScenarioOperator.GreaterThan => SpecOperator.GreaterThan,
        ScenarioOperator.GreaterThanOrEqual => SpecOperator.GreaterThanOrEqual,
        ScenarioOperator.Equal => SpecOperator.Equal,
        ScenarioOperator.NotEqual => SpecOperator.NotEqual,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "unknown threshold operator"),
    };
}
