using System.Collections.Concurrent;
using Simulator.Load.Ledger;
using Simulator.Load.Measurement;
using Simulator.Load.Scheduling;
using Simulator.Load.Telemetry;

namespace Simulator.Load;

/// <summary>
/// Drives one workload through a run: runs its phases in sequence (open, closed or paused), starts and measures its
/// iterations, then drains them.
/// </summary>
internal sealed class WorkloadRunner : IIterationLauncher, IDisposable
{
    private readonly int _index;
    private readonly WorkloadPlan _plan;
    private readonly IWorkload _workload;
    private readonly int _seed;
    private readonly RunClock _clock;
    private readonly ILedgerSink? _ledger;
    private readonly ConcurrentDictionary<long, Execution> _running = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.None);
    private long _nextIteration = -1;

    // One count for the phases themselves plus one per running iteration; reaching zero means drained.
    private int _pending = 1;

    public WorkloadRunner(int index, WorkloadPlan plan, IWorkload workload, int seed, RunClock clock, ILedgerSink? ledger, IEnumerable<int> windowSeconds)
    {
        _index = index;
        _plan = plan;
        _workload = workload;
        _seed = seed;
        _clock = clock;
        _ledger = ledger;
        Collector = new WorkloadCollector(plan.Name, plan.Region, windowSeconds);
    }

    public WorkloadCollector Collector { get; }

    /// <summary>Told how every iteration ended, when and since when; none when null.</summary>
    public IOutcomeSink? Outcomes { get; init; }

    public LoadModel Model => _plan.Model;

    /// <summary>The tenant the workload works in; null when the topology has one database.</summary>
    public string? Tenant => _plan.Tenant;

    /// <summary>How long the workload was scheduled (the plan's duration unless the run was cancelled).</summary>
    public TimeSpan Window { get; private set; }

    public async Task RunAsync(TimeSpan duration, TimeSpan grace, CancellationToken stop)
    {
        try
        {
            foreach (var (model, start, end) in PhasedLoad.Segments(_plan.Model, duration))
            {
                switch (model)
                {
                    case OpenLoadModel open:
                        await new OpenModelScheduler(open, start, end, _plan.MaxInFlight, _plan.MaxStartLag, _clock).RunAsync(this, stop).ConfigureAwait(false);
                        break;
                    case ClosedLoadModel closed:
                        await new ClosedModelScheduler(closed, start, end, _clock).RunAsync(this, stop).ConfigureAwait(false);
                        break;
                    default:
                        await _clock.WaitUntilAsync(end, stop).ConfigureAwait(false);
                        break;
                }
            }

            await _clock.WaitUntilAsync(duration, stop).ConfigureAwait(false);
            Window = duration;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            var now = _clock.Now;
            Window = now < duration ? now : duration;
        }
        finally
        {
            ReleasePending();
        }

        if (!await _clock.WaitAsync(_drained.Task, grace).ConfigureAwait(false))
        {
            await _abandon.CancelAsync().ConfigureAwait(false);
            foreach (var execution in _running.Values)
            {
                if (execution.TryFinish())
                {
                    Collector.RecordIteration(Outcome.Unknown, OutcomeClassifier.Abandoned, TimeSpan.Zero, TimeSpan.Zero);
                }
            }
        }
    }

    public void Dispose() => _abandon.Dispose();

    public long NextIteration() => Interlocked.Increment(ref _nextIteration);

    public Task Start(ArrivalSlot slot, TimeSpan actualStart)
    {
        Interlocked.Increment(ref _pending);
        return RunIterationAsync(slot, actualStart);
    }

    private async Task RunIterationAsync(ArrivalSlot slot, TimeSpan actualStart)
    {
        var execution = new Execution();
        _running[slot.Iteration] = execution;
        Collector.RecordStarted();
        var context = new IterationContext(slot, actualStart, IterationSeed(_seed, _index, slot.Iteration), _clock, Collector, _ledger, _abandon.Token);
        var outcome = Outcome.Ok;
        string? errorKind = null;
        using (var span = LoadTelemetry.StartIteration(Collector.Name, Collector.Region, slot.Iteration))
        {
            try
            {
                await _workload.ExecuteAsync(context, _abandon.Token).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // Any exception ends the iteration; it is classified and counted, never lost.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                (outcome, errorKind) = OutcomeClassifier.Classify(exception, _abandon.Token);
            }

            LoadTelemetry.Finished(span, outcome, errorKind);
        }

        _running.TryRemove(slot.Iteration, out _);
        if (execution.TryFinish())
        {
            var end = _clock.Now;
            Collector.RecordIteration(outcome, errorKind, end - slot.IntendedStart, end - context.FirstSend);
            Outcomes?.Record(new IterationOutcome(_plan.Name, _plan.Region, context.FirstSend.TotalSeconds, end.TotalSeconds, outcome, errorKind));
        }

        ReleasePending();
    }

    private void ReleasePending()
    {
        if (Interlocked.Decrement(ref _pending) == 0)
        {
            _drained.TrySetResult();
        }
    }

    // SplitMix64 over (seed, workload, iteration): independent, reproducible streams per iteration.
    private static int IterationSeed(int seed, int workload, long iteration)
    {
        ulong z = unchecked(((ulong)(uint)seed << 32) ^ ((ulong)(uint)workload << 48) ^ (ulong)iteration);
        z = unchecked(z + 0x9E3779B97F4A7C15);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EB);
        z ^= z >> 31;
        return unchecked((int)z);
    }

    // Decides who counts an iteration: the iteration itself when it ends, or the drain when it gives up on it.
    private sealed class Execution
    {
        private int _finished;

        public bool TryFinish() => Interlocked.Exchange(ref _finished, 1) == 0;
    }
}
