using Simulator.Load.Scheduling;

namespace Simulator.Load;

/// <summary>Closes every workload's per-second interval on the run's clock, and a last partial one at the end.</summary>
internal sealed class IntervalTicker : IDisposable
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    private readonly IReadOnlyList<WorkloadRunner> _runners;
    private readonly IProgress<IntervalProgress>? _progress;
    private readonly RunClock _clock;
    private readonly Lock _gate = new();
    private readonly ITimer _timer;
    private int _next;
    private bool _stopped;

    public IntervalTicker(RunClock clock, IReadOnlyList<WorkloadRunner> runners, IProgress<IntervalProgress>? progress)
    {
        _clock = clock;
        _runners = runners;
        _progress = progress;
        _timer = clock.Time.CreateTimer(static state => ((IntervalTicker)state!).Tick(), this, Second, Second);
    }

    /// <summary>Stops ticking and closes the last, partial interval if time has passed since the last tick.</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            _timer.Dispose();
            if (_clock.Now > TimeSpan.FromSeconds(_next))
            {
                CloseInterval();
            }
        }
    }

    public void Dispose() => Stop();

    private void Tick()
    {
        lock (_gate)
        {
            if (!_stopped)
            {
                CloseInterval();
            }
        }
    }

    private void CloseInterval()
    {
        int second = _next++;
        for (int i = 0; i < _runners.Count; i++)
        {
            var collector = _runners[i].Collector;
            var snapshot = collector.CloseInterval(second);
            _progress?.Report(new IntervalProgress(collector.Name, collector.Region, snapshot) { Index = i, Of = _runners.Count });
        }
    }
}
