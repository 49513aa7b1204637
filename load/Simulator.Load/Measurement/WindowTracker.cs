using HdrHistogram;

namespace Simulator.Load.Measurement;

/// <summary>
/// Tracks one workload's corrected latency over sliding windows of whole seconds. Each closed second's interval
/// histogram is kept as a sparse list of (bucket value, count) only as long as the longest window needs it; for each
/// window length a running merge (a sorted map of bucket values) gains the newest second and loses the one sliding
/// out, and its percentiles update the extremes. Memory is bounded by the longest window, whatever the run's length.
/// </summary>
internal sealed class WindowTracker
{
    private static readonly double[] Percentiles = [50, 90, 99, 99.9];

    private readonly Window[] _windows;
    private readonly Second[] _ring;
    private int _seconds;

    public WindowTracker(IEnumerable<int> lengths)
    {
        _windows = [.. lengths.Where(l => l > 0).Distinct().Order().Select(l => new Window(l))];
        _ring = new Second[_windows.Length == 0 ? 0 : _windows[^1].Length];
    }

    public bool IsEmpty => _windows.Length == 0;

    /// <summary>How many seconds of sparse histograms are held (at most the longest window).</summary>
    public int SecondsKept => _ring.Count(s => s is not null);

    /// <summary>Adds the next second's interval histogram (microseconds) and evaluates every window that now ends with it.</summary>
    public void Push(HistogramBase interval)
    {
        if (IsEmpty)
        {
            return;
        }

        var entries = new List<(long Value, long Count)>();
        foreach (var value in interval.RecordedValues())
        {
            entries.Add((value.ValueIteratedTo, value.CountAtValueIteratedTo));
        }

        int second = _seconds++;
        int slot = second % _ring.Length;
        var leaving = _ring[slot];
        _ring[slot] = new Second(second, entries);
        foreach (var window in _windows)
        {
            window.Add(entries);
            int first = second - window.Length + 1;
            if (first > 0)
            {
                // The second that slides out of this window; the ring still holds it (this window is not the longest),
                // or it was just replaced (this window is the longest).
                var old = window.Length == _ring.Length ? leaving : _ring[(first - 1) % _ring.Length];
                window.Remove(old!.Entries);
            }

            if (first >= 0)
            {
                window.Evaluate(first);
            }
        }
    }

    /// <summary>
    /// The extremes per window length. A window longer than the seconds seen is evaluated once over all of them, so a
    /// short run still gets a figure (from a partial window).
    /// </summary>
    public IReadOnlyList<WindowedLatency> Results()
    {
        foreach (var window in _windows)
        {
            if (!window.Evaluated && _seconds > 0)
            {
                window.Evaluate(0);
                window.Evaluated = true;
            }
        }

        return [.. _windows.Select(w => w.Result())];
    }

    private static double Ms(long micros) => Math.Round(micros / 1000.0, 3);

    private sealed record Second(int Index, List<(long Value, long Count)> Entries);

    private sealed class Window(int length)
    {
        private readonly SortedDictionary<long, long> _merged = [];
        private readonly Extremes[] _extremes = [new(), new(), new(), new(), new()];
        private long _count;
        private int _evaluated;

        public int Length { get; } = length;

        public bool Evaluated { get; set; }

        public void Add(List<(long Value, long Count)> entries)
        {
            foreach (var (value, count) in entries)
            {
                _merged[value] = _merged.TryGetValue(value, out long had) ? had + count : count;
                _count += count;
            }
        }

        public void Remove(List<(long Value, long Count)> entries)
        {
            foreach (var (value, count) in entries)
            {
                long left = _merged[value] - count;
                if (left == 0)
                {
                    _merged.Remove(value);
                }
                else
                {
                    _merged[value] = left;
                }

                _count -= count;
            }
        }

        // Percentiles as HdrHistogram reads them: the first bucket at which the running count reaches
        // max(1, round(p% of the total)); the bucket values are HdrHistogram's highest equivalent values.
        public void Evaluate(int fromSecond)
        {
            Evaluated = true;
            if (_count == 0)
            {
                return;
            }

            _evaluated++;
            Span<long> wanted = stackalloc long[Percentiles.Length];
            for (int i = 0; i < Percentiles.Length; i++)
            {
                wanted[i] = Math.Max(1, (long)((Percentiles[i] / 100 * _count) + 0.5));
            }

            int next = 0;
            long running = 0;
            long last = 0;
            foreach (var (value, count) in _merged)
            {
                running += count;
                last = value;
                while (next < wanted.Length && running >= wanted[next])
                {
                    _extremes[next++].See(Ms(value), fromSecond);
                }
            }

            _extremes[4].See(Ms(last), fromSecond);
        }

        public WindowedLatency Result()
            => _evaluated == 0
                ? new WindowedLatency(Length, 0, null, null, null, null, null)
                : new WindowedLatency(Length, _evaluated, _extremes[0].Value, _extremes[1].Value, _extremes[2].Value, _extremes[3].Value, _extremes[4].Value);
    }

    private sealed class Extremes
    {
        private double _min = double.MaxValue;
        private double _max = double.MinValue;
        private int _minAt;
        private int _maxAt;

        public WindowExtremes Value => new(_min, _minAt, _max, _maxAt);

        public void See(double value, int at)
        {
            if (value < _min)
            {
                (_min, _minAt) = (value, at);
            }

            if (value > _max)
            {
                (_max, _maxAt) = (value, at);
            }
        }
    }
}
