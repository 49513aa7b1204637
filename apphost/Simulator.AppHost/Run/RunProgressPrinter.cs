using System.Globalization;
using Simulator.Load;

namespace Simulator.AppHost.Run;

/// <summary>
/// Prints one line per workload every few seconds of a run: elapsed and remaining time, the rate
/// achieved in the last second, p99 and errors. Plain lines, readable in a terminal and a CI log alike.
/// </summary>
public sealed class RunProgressPrinter(TextWriter output, TimeSpan duration, int everySeconds = 5) : IProgress<IntervalProgress>
{
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Report(IntervalProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var interval = value.Interval;
        var second = interval.Second + 1;
        if (second % everySeconds != 0 && second < (int)duration.TotalSeconds)
        {
            return;
        }

        var remaining = Math.Max(0, duration.TotalSeconds - second);
        var p99 = interval.P99Ms is { } ms ? ms.ToString("0", CultureInfo.InvariantCulture) + " ms" : "—";
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"[{second,4}s, {remaining,4:0}s left] {value.Workload}@{value.Region}: {interval.Count}/s done, {interval.Ok} ok, {interval.Failed} failed, {interval.Dropped} dropped, {interval.Unknown} unknown, p99 {p99}");
        lock (_gate)
        {
            output.WriteLine(line);
        }
    }
}
