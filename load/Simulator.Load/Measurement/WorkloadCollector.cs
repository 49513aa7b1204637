using HdrHistogram;
using Simulator.Load.Scheduling;
using Simulator.Load.Telemetry;

namespace Simulator.Load.Measurement;

/// <summary>
/// Everything one workload measures during a run; safe for concurrent recording. Per-second intervals are
/// closed by the run's ticker (<see cref="CloseInterval"/>) and only their summaries are kept.
/// </summary>
internal sealed class WorkloadCollector(string name, string region, IEnumerable<int>? windowSeconds = null)
{
    /// <summary>Distinct error kinds kept before the rest are counted under <see cref="OtherErrorKind"/>.</summary>
    public const int MaxErrorKinds = ErrorKindCounter.MaxKinds;

    public const string OtherErrorKind = ErrorKindCounter.Other;

    private readonly LatencyHistogram _corrected = new();
    private readonly LatencyHistogram _uncorrected = new();
    private readonly ErrorKindCounter _errorKinds = new();
    private readonly Dictionary<string, OperationCollector> _operations = new(StringComparer.Ordinal);
    private readonly Lock _operationsGate = new();
    private readonly List<IntervalSnapshot> _intervals = [];
    private readonly Lock _intervalGate = new();
    private readonly WindowTracker _windows = new(windowSeconds ?? []);

    // Written by one scheduling loop at a time (phases run in sequence), read once the run is over.
    private readonly LongHistogram _startLateness = LatencyHistogram.CreateSingleWriter();
    private Counters _total;
    private Counters _interval;
    private long _droppedNoFreeVirtualUser;
    private long _droppedLateStart;
    private long _acknowledged;
    private long _bytesSent;
    private long _bytesReceived;

    public string Name { get; } = name;

    public string Region { get; } = region;

    public void RecordStarted()
    {
        Interlocked.Increment(ref _total.Started);
        Interlocked.Increment(ref _interval.Started);
    }

    /// <summary>An open-model arrival fell due and the scheduler reached it <paramref name="lateness"/> after its intended start.</summary>
    public void RecordArrival(TimeSpan lateness)
    {
        Interlocked.Increment(ref _total.Arrivals);
        Interlocked.Increment(ref _interval.Arrivals);
        LatencyHistogram.Record(_startLateness, lateness);
    }

    public void RecordDrop(DropReason reason)
    {
        LoadTelemetry.RecordDrop(Name, Region, reason);
        Interlocked.Increment(ref reason == DropReason.LateStart ? ref _droppedLateStart : ref _droppedNoFreeVirtualUser);
        Interlocked.Increment(ref _total.Dropped);
        Interlocked.Increment(ref _interval.Dropped);
    }

    public void RecordAcknowledged()
    {
        Interlocked.Increment(ref _acknowledged);
        LoadTelemetry.RecordAcknowledged(Name, Region);
    }

    public void RecordTransfer(long bytesSent, long bytesReceived)
    {
        if (bytesSent != 0)
        {
            Interlocked.Add(ref _bytesSent, bytesSent);
        }

        if (bytesReceived != 0)
        {
            Interlocked.Add(ref _bytesReceived, bytesReceived);
        }
    }

    public void RecordIteration(Outcome outcome, string? errorKind, TimeSpan corrected, TimeSpan uncorrected)
    {
        LoadTelemetry.RecordIteration(Name, Region, outcome);
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
                _errorKinds.Count(errorKind);
                break;
            default:
                Interlocked.Increment(ref _total.Unknown);
                Interlocked.Increment(ref _interval.Unknown);
                _errorKinds.Count(errorKind);
                break;
        }
    }

    public void RecordOperation(string operation, Outcome outcome, string? errorKind, TimeSpan corrected, TimeSpan uncorrected)
    {
        LoadTelemetry.RecordOperation(Name, Region, operation, outcome, corrected);
        OperationCollector? collector;
        lock (_operationsGate)
        {
            if (!_operations.TryGetValue(operation, out collector))
            {
                collector = new OperationCollector(operation);
                _operations.Add(operation, collector);
            }
        }

        collector.Record(outcome, errorKind, corrected, uncorrected);
    }

    /// <summary>Closes the interval that started at <paramref name="second"/> and keeps its summary.</summary>
    public IntervalSnapshot CloseInterval(int second)
    {
        lock (_intervalGate)
        {
            long ok = Interlocked.Exchange(ref _interval.Ok, 0);
            long failed = Interlocked.Exchange(ref _interval.Failed, 0);
            long unknown = Interlocked.Exchange(ref _interval.Unknown, 0);
            long dropped = Interlocked.Exchange(ref _interval.Dropped, 0);
            long started = Interlocked.Exchange(ref _interval.Started, 0);
            long arrivals = Interlocked.Exchange(ref _interval.Arrivals, 0);
            var (_, p50, p99) = _corrected.Rotate(_windows);
            var snapshot = new IntervalSnapshot(second, ok + failed + unknown, ok, failed, dropped, unknown, p50, p99)
            {
                Started = started,
                Arrivals = arrivals,
            };
            _intervals.Add(snapshot);
            return snapshot;
        }
    }

    /// <summary>
    /// The workload's result over <paramref name="window"/>. The target rate is what the open parts of
    /// <paramref name="model"/> ask for, averaged over the window (none for a workload without an open part); the
    /// achieved rate is that target times the share of open arrivals not dropped, plus closed-model iterations
    /// started per second.
    /// </summary>
    public WorkloadResult ToResult(TimeSpan window, LoadModel model)
    {
        double seconds = window.TotalSeconds;
        long ok = Interlocked.Read(ref _total.Ok);
        long started = Interlocked.Read(ref _total.Started);
        long arrivals = Interlocked.Read(ref _total.Arrivals);
        long dropped = Interlocked.Read(ref _total.Dropped);
        bool open = PhasedLoad.Has<OpenLoadModel>(model);
        bool closed = PhasedLoad.Has<ClosedLoadModel>(model);
        double? target = open ? seconds > 0 ? PhasedLoad.ExpectedOpenArrivals(model, window) / seconds : 0 : null;
        long openStarted = arrivals - dropped;
        double? openPart = open && arrivals > 0 ? target!.Value * openStarted / arrivals : null;
        double? closedPart = closed && seconds > 0 ? (started - openStarted) / seconds : null;
        double? achieved = openPart is null && closedPart is null ? null : (openPart ?? 0) + (closedPart ?? 0);
        IReadOnlyList<IntervalSnapshot> intervals;
        IReadOnlyList<WindowedLatency> windowed;
        lock (_intervalGate)
        {
            intervals = [.. _intervals];
            windowed = _windows.Results();
        }

        List<OperationResult> operations;
        lock (_operationsGate)
        {
            operations = [.. _operations.Values.Select(o => o.ToResult()).OrderBy(o => o.Name, StringComparer.Ordinal)];
        }

        return new WorkloadResult(
            Name,
            Region,
            Math.Round(seconds, 3),
            target is { } t ? Math.Round(t, 6) : null,
            achieved is { } a ? Math.Round(a, 6) : null,
            started,
            ok,
            Interlocked.Read(ref _total.Failed),
            Interlocked.Read(ref _total.Unknown),
            dropped,
            Interlocked.Read(ref _droppedNoFreeVirtualUser),
            Interlocked.Read(ref _droppedLateStart),
            Interlocked.Read(ref _acknowledged),
            _corrected.Total(),
            _uncorrected.Total(),
            _errorKinds.Snapshot(),
            operations,
            intervals)
        {
            Model = model.Describe(),
            Arrivals = arrivals,
            StartLateness = LatencyHistogram.Summarize(_startLateness),
            BytesSent = Interlocked.Read(ref _bytesSent),
            BytesReceived = Interlocked.Read(ref _bytesReceived),
            WindowedLatency = windowed,
        };
    }

    private struct Counters
    {
        public long Ok;
        public long Failed;
        public long Unknown;
        public long Dropped;
        public long Started;
        public long Arrivals;
    }
}
