using System.Runtime.CompilerServices;
using System.Collections.Concurrent;
using Simulator.Load.Scheduling;

namespace Simulator.Load.Measurement;

/// <summary>
/// Everything one workload measures during a run; safe for concurrent recording. Per-second intervals are
/// closed by the run's ticker (<see cref="CloseInterval"/>) and only their summaries are kept.
/// </summary>
internal sealed class WorkloadCollector(string name, string region)
{
    /// <summary>Distinct error kinds kept before the rest are counted under <see cref="OtherErrorKind"/>.</summary>
    public const int MaxErrorKinds = 64;

    public const string OtherErrorKind = "other";

    private readonly LatencyHistogram _corrected = new();
    private readonly LatencyHistogram _uncorrected = new();
    private readonly ConcurrentDictionary<string, StrongBox<long>> _errorKinds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, OperationCollector> _operations = new(StringComparer.Ordinal);
    private readonly List<IntervalSnapshot> _intervals = [];
    private readonly Lock _intervalGate = new();
    private Counters _total;
    private Counters _interval;
    private long _started;
    private long _droppedNoFreeVirtualUser;
    private long _droppedLateStart;
    private long _acknowledged;

    public string Name { get; } = name;

    public string Region { get; } = region;

    public void RecordStarted() => Interlocked.Increment(ref _started);

    public void RecordDrop(DropReason reason)
    {
        Interlocked.Increment(ref reason == DropReason.LateStart ? ref _droppedLateStart : ref _droppedNoFreeVirtualUser);
        Interlocked.Increment(ref _total.Dropped);
        Interlocked.Increment(ref _interval.Dropped);
    }

    public void RecordAcknowledged() => Interlocked.Increment(ref _acknowledged);

    public void RecordIteration(Outcome outcome, string? errorKind, TimeSpan corrected, TimeSpan uncorrected)
    {
        switch (outcome)
        {
            case Outcome.Ok:
                _corrected.Record(corrected);
                _uncorrected.Record(uncorrected);
                Interlocked.Increment(ref _total.Ok);
                Interlocked.Increment(ref _interval.Ok);
                break;
            case Outcome.Failed:
                Interlocked.Increment(ref _total.Failed);
                Interlocked.Increment(ref _interval.Failed);
                CountErrorKind(errorKind);
                break;
            default:
                Interlocked.Increment(ref _total.Unknown);
                Interlocked.Increment(ref _interval.Unknown);
                CountErrorKind(errorKind);
                break;
        }
    }

    public void RecordOperation(string operation, Outcome outcome, TimeSpan corrected, TimeSpan uncorrected)
        => _operations.GetOrAdd(operation, static n => new OperationCollector(n)).Record(outcome, corrected, uncorrected);

    /// <summary>Closes the interval that started at <paramref name="second"/> and keeps its summary.</summary>
    public IntervalSnapshot CloseInterval(int second)
    {
        lock (_intervalGate)
        {
            long ok = Interlocked.Exchange(ref _interval.Ok, 0);
            long failed = Interlocked.Exchange(ref _interval.Failed, 0);
            long unknown = Interlocked.Exchange(ref _interval.Unknown, 0);
            long dropped = Interlocked.Exchange(ref _interval.Dropped, 0);
            var (_, p50, p99) = _corrected.Rotate();
            var snapshot = new IntervalSnapshot(second, ok + failed + unknown, ok, failed, dropped, unknown, p50, p99);
            _intervals.Add(snapshot);
            return snapshot;
        }
    }

    public WorkloadResult ToResult(TimeSpan window, OpenLoadModel? model)
    {
        double seconds = window.TotalSeconds;
        long ok = Interlocked.Read(ref _total.Ok);
        long started = Interlocked.Read(ref _started);
        long scheduled = started + Interlocked.Read(ref _total.Dropped);
        double target = model is null ? 0 : seconds > 0 ? model.ExpectedArrivals(window) / seconds : 0;
        IReadOnlyList<IntervalSnapshot> intervals;
        lock (_intervalGate)
        {
            intervals = [.. _intervals];
        }

        return new WorkloadResult(
            Name,
            Region,
            Math.Round(seconds, 3),
            Math.Round(target, 6),
            scheduled > 0 ? Math.Round(target * started / scheduled, 6) : null,
            started,
            ok,
            Interlocked.Read(ref _total.Failed),
            Interlocked.Read(ref _total.Unknown),
            Interlocked.Read(ref _total.Dropped),
            Interlocked.Read(ref _droppedNoFreeVirtualUser),
            Interlocked.Read(ref _droppedLateStart),
            Interlocked.Read(ref _acknowledged),
            _corrected.Total(),
            _uncorrected.Total(),
            _errorKinds.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Interlocked.Read(ref p.Value.Value), StringComparer.Ordinal),
            [.. _operations.Values.Select(o => o.ToResult()).OrderBy(o => o.Name, StringComparer.Ordinal)],
            intervals);
    }

    private void CountErrorKind(string? errorKind)
    {
        string kind = string.IsNullOrEmpty(errorKind) ? OtherErrorKind : errorKind;
        if (!_errorKinds.TryGetValue(kind, out var box))
        {
            box = _errorKinds.Count < MaxErrorKinds
                ? _errorKinds.GetOrAdd(kind, static _ => new StrongBox<long>())
                : _errorKinds.GetOrAdd(OtherErrorKind, static _ => new StrongBox<long>());
        }

        Interlocked.Increment(ref box.Value);
    }

    private struct Counters
    {
        public long Ok;
        public long Failed;
        public long Unknown;
        public long Dropped;
    }
}
