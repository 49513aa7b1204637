namespace Simulator.Load.Measurement;

/// <summary>The lowest and highest value one statistic took over every sliding window of a run, and where.</summary>
/// <param name="Min">The lowest value.</param>
/// <param name="MinFromSecond">The start of the (first) window where it was lowest, in seconds from the run's start.</param>
/// <param name="Max">The highest value.</param>
/// <param name="MaxFromSecond">The start of the (first) window where it was highest.</param>
public sealed record WindowExtremes(double Min, int MinFromSecond, double Max, int MaxFromSecond);
