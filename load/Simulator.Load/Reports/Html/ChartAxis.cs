namespace Simulator.Load.Reports.Html;

/// <summary>What a chart's horizontal axis measures: the run's seconds, or another quantity with its own label.</summary>
/// <param name="Label">Written under the axis, on the right.</param>
/// <param name="TickSuffix">Appended to each tick value (for example <c>/s</c>); unused on the time axis.</param>
/// <param name="IsTime">Ticks as clock times (<c>1m30s</c>) on steps that suit seconds.</param>
internal sealed record ChartAxis(string Label, string TickSuffix = "", bool IsTime = false)
{
    /// <summary>Seconds from the run's start.</summary>
    public static ChartAxis Time { get; } = new("time from the run's start", IsTime: true);
}
