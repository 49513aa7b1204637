namespace Simulator.Load.Measurement;

/// <summary>
/// Corrected iteration latency (milliseconds, OK iterations) over every sliding window of
/// <paramref name="WindowSeconds"/> whole seconds — windows <c>[s, s + length)</c> for each second <c>s</c> at which a
/// full window fits in the run, or one window over the whole run when the run is shorter — keeping, per percentile,
/// its lowest and highest value over the windows. Percentiles are read from the window's merged per-second
/// HdrHistograms, so they are the window's own percentiles, not an average of per-second ones.
/// </summary>
/// <param name="WindowSeconds">The window's length, in seconds.</param>
/// <param name="Windows">Windows evaluated: those holding at least one OK iteration.</param>
/// <param name="P50">Median, over the windows; <see langword="null"/> when no window held an OK iteration.</param>
/// <param name="P90">90th percentile.</param>
/// <param name="P99">99th percentile.</param>
/// <param name="P999">99.9th percentile.</param>
/// <param name="Max">Largest value.</param>
public sealed record WindowedLatency(
    int WindowSeconds, int Windows, WindowExtremes? P50, WindowExtremes? P90, WindowExtremes? P99, WindowExtremes? P999, WindowExtremes? Max);
