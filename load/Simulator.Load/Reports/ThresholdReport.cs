namespace Simulator.Load.Reports;

/// <summary>One threshold's verdict.</summary>
/// <param name="Expression">The threshold as written, for example <c>order-import.p99 &lt; 1500ms</c>.</param>
/// <param name="Actual">The measured value in the threshold's unit, or why there is none (<c>not measured</c>).</param>
/// <param name="Passed">Whether the threshold held; a threshold with nothing measured fails.</param>
public sealed record ThresholdReport(string Expression, string Actual, bool Passed);
