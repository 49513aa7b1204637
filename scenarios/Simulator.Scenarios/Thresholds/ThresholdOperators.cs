namespace Simulator.Scenarios;

/// <summary>Symbols of <see cref="ThresholdOperator"/> values.</summary>
public static class ThresholdOperators
{
    /// <summary>The symbol as written in a threshold, such as <c>&lt;=</c>.</summary>
    /// <param name="op">The operator.</param>
    /// <returns>The symbol.</returns>
    public static string ToSymbol(this ThresholdOperator op) => op switch
    {
        ThresholdOperator.LessThan => "<",
        ThresholdOperator.LessThanOrEqual => "<=",
        ThresholdOperator.GreaterThan => ">",
        ThresholdOperator.GreaterThanOrEqual => ">=",
        ThresholdOperator.Equal => "==",
        ThresholdOperator.NotEqual => "!=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };

    internal static bool TryParse(string symbol, out ThresholdOperator op)
    {
        (var known, op) = symbol switch
        {
            "<" => (true, ThresholdOperator.LessThan),
            "<=" => (true, ThresholdOperator.LessThanOrEqual),
            ">" => (true, ThresholdOperator.GreaterThan),
            ">=" => (true, ThresholdOperator.GreaterThanOrEqual),
            "==" => (true, ThresholdOperator.Equal),
            "!=" => (true, ThresholdOperator.NotEqual),
            _ => (false, ThresholdOperator.LessThan),
        };
        return known;
    }
}
