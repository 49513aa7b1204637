using HdrHistogram;

namespace Simulator.Load.Measurement;

/// <summary>
/// A latency histogram safe for concurrent recording: values go into an HdrHistogram <see cref="Recorder"/>
/// (microseconds, 1 µs to 1 h, 3 significant digits); <see cref="Rotate"/> swaps out the interval recorded so
/// far, folds it into the run's total and summarizes it. Memory stays bounded: one total, one active and one
/// recycled interval histogram, whatever the run's length.
/// </summary>
internal sealed class LatencyHistogram
{
    private const long HighestMicroseconds = 3_600_000_000;
    private const int SignificantDigits = 3;

    private readonly Recorder _recorder = new(
        1, HighestMicroseconds, SignificantDigits, static (id, low, high, digits) => new LongConcurrentHistogram(id, low, high, digits));

    private readonly LongHistogram _total = new(1, HighestMicroseconds, SignificantDigits);
    private readonly Lock _gate = new();
    private HistogramBase? _interval;

    public void Record(TimeSpan latency)
    {
        long micros = latency.Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        _recorder.RecordValue(Math.Clamp(micros, 0, HighestMicroseconds));
    }

    /// <summary>Closes the current interval: adds it to the total and returns its (count, p50, p99).</summary>
    /// <param name="windows">Given the interval's histogram, when sliding windows are tracked.</param>
    public (long Count, double? P50Ms, double? P99Ms) Rotate(WindowTracker? windows = null)
    {
        lock (_gate)
        {
            _interval = _interval is null ? _recorder.GetIntervalHistogram() : _recorder.GetIntervalHistogram(_interval);
            _total.Add(_interval);
            windows?.Push(_interval);
            long count = _interval.TotalCount;
            return count == 0
                ? (0, null, null)
                : (count, ToMilliseconds(_interval.GetValueAtPercentile(50)), ToMilliseconds(_interval.GetValueAtPercentile(99)));
        }
    }

    /// <summary>Folds whatever is pending into the total and summarizes the total; null when nothing was recorded.</summary>
    public LatencySummary? Total()
    {
        lock (_gate)
        {
            Rotate();
            return Summarize(_total);
        }
    }

    /// <summary>Creates a histogram for single-threaded recording, with the same range and precision as this one's.</summary>
    public static LongHistogram CreateSingleWriter() => new(1, HighestMicroseconds, SignificantDigits);

    /// <summary>Records <paramref name="value"/> in a histogram made by <see cref="CreateSingleWriter"/>.</summary>
    public static void Record(HistogramBase histogram, TimeSpan value)
        => histogram.RecordValue(Math.Clamp(value.Ticks / (TimeSpan.TicksPerMillisecond / 1000), 0, HighestMicroseconds));

    /// <summary>Summarizes a histogram of microseconds; null when it is empty.</summary>
    public static LatencySummary? Summarize(HistogramBase histogram)
        => histogram.TotalCount == 0
            ? null
            : new LatencySummary(
                ToMilliseconds(histogram.GetValueAtPercentile(50)),
                ToMilliseconds(histogram.GetValueAtPercentile(90)),
                ToMilliseconds(histogram.GetValueAtPercentile(99)),
                ToMilliseconds(histogram.GetValueAtPercentile(99.9)),
                ToMilliseconds(histogram.GetMaxValue()));

    private static double ToMilliseconds(long micros) => Math.Round(micros / 1000.0, 3);
}
