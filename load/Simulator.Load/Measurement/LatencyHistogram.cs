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
    public (long Count, double? P50Ms, double? P99Ms) Rotate()
    {
        lock (_gate)
        {
            _interval = _interval is null ? _recorder.GetIntervalHistogram() : _recorder.GetIntervalHistogram(_interval);
            _total.Add(_interval);
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
            if (_total.TotalCount == 0)
            {
                return null;
            }

            return new LatencySummary(
                ToMilliseconds(_total.GetValueAtPercentile(50)),
                ToMilliseconds(_total.GetValueAtPercentile(90)),
                ToMilliseconds(_total.GetValueAtPercentile(99)),
                ToMilliseconds(_total.GetValueAtPercentile(99.9)),
                ToMilliseconds(_total.GetMaxValue()));
        }
    }

    private static double ToMilliseconds(long micros) => Math.Round(micros / 1000.0, 3);
}
