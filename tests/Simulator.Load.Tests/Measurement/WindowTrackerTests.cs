using HdrHistogram;
using Microsoft.Extensions.Time.Testing;
using Simulator.Load.Measurement;
using Simulator.Load.Reports;
using Simulator.Load.Reports.Thresholds;
using Simulator.Load.Scheduling;
using Simulator.Load.Tests.Support;

namespace Simulator.Load.Tests.Measurement;

public class WindowTrackerTests
{
    private static LongHistogram Second(params (long Micros, int Count)[] values)
    {
        var histogram = LatencyHistogram.CreateSingleWriter();
        foreach (var (micros, count) in values)
        {
            histogram.RecordValueWithCount(micros, count);
        }

        return histogram;
    }

    [Fact]
    public void A_window_as_long_as_the_run_gives_the_same_percentiles_as_one_histogram_over_the_run()
    {
        var random = new Random(3);
        var total = LatencyHistogram.CreateSingleWriter();
        var tracker = new WindowTracker([20]);
        for (int s = 0; s < 20; s++)
        {
            var second = LatencyHistogram.CreateSingleWriter();
            for (int i = 0; i < 500; i++)
            {
                long micros = (long)(1000 * Math.Exp(random.NextDouble() * 8));
                second.RecordValue(micros);
                total.RecordValue(micros);
            }

            tracker.Push(second);
        }

        var window = Assert.Single(tracker.Results());
        var whole = LatencyHistogram.Summarize(total)!;
        Assert.Equal(1, window.Windows);
        Assert.Equal((whole.P50, whole.P50), (window.P50!.Min, window.P50.Max));
        Assert.Equal(whole.P90, window.P90!.Max);
        Assert.Equal(whole.P99, window.P99!.Max);
        Assert.Equal(whole.P999, window.P999!.Max);
        Assert.Equal(whole.Max, window.Max!.Max);
    }

    [Fact]
    public void Sliding_windows_keep_the_lowest_and_highest_percentile_and_where_they_were()
    {
        var tracker = new WindowTracker([3, 1]);
        // Seconds 0..9 at 10 ms; seconds 5 and 6 at 500 ms; second 8 empty.
        for (int s = 0; s < 10; s++)
        {
            tracker.Push(s == 8 ? Second() : Second((s is 5 or 6 ? 500_000 : 10_000, 10)));
        }

        var results = tracker.Results();
        var one = results.Single(r => r.WindowSeconds == 1);
        var three = results.Single(r => r.WindowSeconds == 3);
        Assert.Equal(9, one.Windows); // the empty second holds no OK iteration: no window figure
        Assert.Equal(8, three.Windows);
        Assert.Equal(new WindowExtremes(10.007, 0, 500.223, 5), one.P99);
        // A 3 s window with one or two slow seconds out of three has its p50 at 10 ms or 500 ms: [4,7) is the first at 500.
        Assert.Equal(new WindowExtremes(10.007, 0, 500.223, 4), three.P50);
        Assert.Equal(new WindowExtremes(10.007, 0, 500.223, 3), three.P99);
    }

    [Fact]
    public void A_run_shorter_than_the_window_is_judged_as_one_partial_window()
    {
        var tracker = new WindowTracker([30]);
        tracker.Push(Second((10_000, 5)));
        tracker.Push(Second((20_000, 5)));

        var result = Assert.Single(tracker.Results());

        Assert.Equal(1, result.Windows);
        Assert.Equal(new WindowExtremes(20.015, 0, 20.015, 0), result.Max);
    }

    [Fact]
    public void Memory_is_bounded_by_the_longest_window_not_the_runs_length()
    {
        var tracker = new WindowTracker([30]);
        var second = LatencyHistogram.CreateSingleWriter();
        for (int s = 0; s < 1800; s++)
        {
            second.Reset();
            second.RecordValueWithCount(1000 + s, 100);
            tracker.Push(second);
        }

        var result = Assert.Single(tracker.Results());
        Assert.Equal(1800 - 30 + 1, result.Windows);
        Assert.Equal(30, tracker.SecondsKept);
        Assert.Equal(new WindowExtremes(1.029, 0, 2.799, 1769), result.Max); // 2 µs buckets above 2048 µs
    }

    [Fact]
    public async Task A_run_tracks_its_windows_and_a_windowed_threshold_fails_where_the_whole_run_passes()
    {
        var time = new FakeTimeProvider();
        // 10/s for 20 s; iterations due in seconds 8 and 9 (20 of 200) take 500 ms, the others 10 ms.
        var workload = new DelegateWorkload((context, ct) =>
            Task.Delay(context.IntendedStart.TotalSeconds is >= 8 and < 9 ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromMilliseconds(10), time, ct));

        var result = await FakeRun.RunAsync(
            time,
            FakeRun.Plan(new ConstantRate(10), TimeSpan.FromSeconds(20)),
            workload,
            TimeSpan.FromSeconds(21),
            new LoadRunOptions { Windows = ThresholdSpec.WindowsOf([new("w.p90", ThresholdOperator.LessThan, 100, ThresholdUnit.Milliseconds) { Window = TimeSpan.FromSeconds(2.5) }]) });

        var tracked = Assert.Single(result.Workloads[0].WindowedLatency);
        Assert.Equal(3, tracked.WindowSeconds);
        var report = Support.Reports.Report(Support.Reports.Run(result.Workloads[0]), lost: null);
        ThresholdSpec whole = new("w.p90", ThresholdOperator.LessThan, 100, ThresholdUnit.Milliseconds);
        ThresholdSpec windowed = whole with { Window = TimeSpan.FromSeconds(3), Expression = "w.p90 < 100ms over any 3s window" };
        ThresholdSpec untracked = whole with { Window = TimeSpan.FromSeconds(30) };

        var verdicts = ThresholdEvaluator.Evaluate([whole, windowed, untracked], report);

        Assert.Equal(new ThresholdReport("w.p90 < 100ms", "10.007ms", true), verdicts[0]);
        // The slow iterations end in seconds 8 and 9 (five each): [6, 9) is the first 3 s window where they are over 10%.
        Assert.Equal(new ThresholdReport("w.p90 < 100ms over any 3s window", "500.223ms (worst 3s window 6s–9s)", false), verdicts[1]);
        Assert.Equal("not measured (no 30s window was tracked during the run)", verdicts[2].Actual);
        Assert.False(verdicts[2].Passed);
    }
}
