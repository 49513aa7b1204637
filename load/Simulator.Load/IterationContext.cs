using Simulator.Load.Ledger;
using Simulator.Load.Measurement;
using Simulator.Load.Scheduling;
using Simulator.Load.Telemetry;

namespace Simulator.Load;

/// <summary>
/// What a workload gets for one iteration: its place in the schedule, a random source seeded from the run's seed
/// and the iteration number (so a rerun with the same seed draws the same values whatever the concurrency),
/// operation timing, a byte meter for clients (<see cref="ITransferMeter"/>), and the ledger of acknowledged writes.
/// </summary>
public sealed class IterationContext : ITransferMeter
{
    private readonly RunClock _clock;
    private readonly WorkloadCollector _collector;
    private readonly ILedgerSink? _ledger;
    private readonly CancellationToken _abandon;
    private readonly int _seed;
    private Random? _random;
    private readonly Lock _gate = new();
    private TimeSpan _cursor;
    private TimeSpan? _firstSend;

    internal IterationContext(
        ArrivalSlot slot, TimeSpan actualStart, int seed, RunClock clock, WorkloadCollector collector, ILedgerSink? ledger, CancellationToken abandon)
    {
        Iteration = slot.Iteration;
        IntendedStart = slot.IntendedStart;
        ActualStart = actualStart;
        _seed = seed;
        _clock = clock;
        _collector = collector;
        _ledger = ledger;
        _abandon = abandon;
        _cursor = slot.IntendedStart;
    }

    /// <summary>The workload's name.</summary>
    public string Workload => _collector.Name;

    /// <summary>The region the workload runs against.</summary>
    public string Region => _collector.Region;

    /// <summary>The 0-based iteration number within the workload.</summary>
    public long Iteration { get; }

    /// <summary>
    /// When the schedule wanted this iteration to start, from the run's start: its arrival time for open models; for
    /// closed models the moment its user became free for it (activation, or end of the previous iteration plus think time).
    /// </summary>
    public TimeSpan IntendedStart { get; }

    /// <summary>
    /// When it actually started, from the run's start: for open models never more than the allowed lag after
    /// <see cref="IntendedStart"/>; for closed models the moment the user got to it (timer lag only).
    /// </summary>
    public TimeSpan ActualStart { get; }

    /// <summary>A random source for this iteration only (not shared, so no locking is needed); made on first use.</summary>
    public Random Random => _random ??= new Random(_seed);

    /// <summary>The time now, from the run's start.</summary>
    public TimeSpan Elapsed => _clock.Now;

    /// <summary>When the iteration's first timed operation was sent (its actual start if it timed none).</summary>
    internal TimeSpan FirstSend
    {
        get
        {
            lock (_gate)
            {
                return _firstSend ?? ActualStart;
            }
        }
    }

    /// <summary>
    /// Runs and times one operation (one request) under <paramref name="operation"/>, recording its outcome.
    /// Its uncorrected latency runs from now; its corrected latency from its intended start: the iteration's intended
    /// start for the first operation, the end of the previous one after that. Time operations one after another.
    /// The operation's exception, if any, is recorded and rethrown.
    /// </summary>
    /// <typeparam name="T">The operation's result.</typeparam>
    /// <param name="operation">A short stable name, for example <c>import.create</c>.</param>
    /// <param name="action">The operation.</param>
    /// <param name="cancellationToken">Passed to <paramref name="action"/>.</param>
    /// <returns>The operation's result.</returns>
    public async Task<T> TimeAsync<T>(string operation, Func<CancellationToken, Task<T>> action, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentNullException.ThrowIfNull(action);
        var sent = _clock.Now;
        lock (_gate)
        {
            _firstSend ??= sent;
        }

        using var span = LoadTelemetry.StartOperation(operation);
        try
        {
            var result = await action(cancellationToken).ConfigureAwait(false);
            RecordOperation(operation, Outcome.Ok, null, sent);
            LoadTelemetry.Finished(span, Outcome.Ok, null);
            return result;
        }
        catch (Exception exception)
        {
            var (outcome, errorKind) = OutcomeClassifier.Classify(exception, _abandon);
            RecordOperation(operation, outcome, errorKind, sent);
            LoadTelemetry.Finished(span, outcome, errorKind);
            throw;
        }
    }

    /// <summary>Runs and times one operation that returns no value; see <see cref="TimeAsync{T}"/>.</summary>
    /// <param name="operation">A short stable name.</param>
    /// <param name="action">The operation.</param>
    /// <param name="cancellationToken">Passed to <paramref name="action"/>.</param>
    /// <returns>A task that completes with the operation.</returns>
    public Task TimeAsync(string operation, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return TimeAsync<bool>(
            operation,
            async token =>
            {
                await action(token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>
    /// Records a write the server acknowledged (for orders, the confirmed order's name) in the run's ledger.
    /// Call it only once the server has confirmed the write.
    /// </summary>
    /// <param name="id">The acknowledged id.</param>
    public void Acknowledge(string id) => Acknowledge(id, origin: null);

    /// <summary>
    /// Records a write the server acknowledged, with the origin the server gave for it in the same transaction
    /// (<see cref="LedgerEntry.Origin"/>). Call it only once the server has confirmed the write.
    /// </summary>
    /// <param name="id">The acknowledged id.</param>
    /// <param name="origin">Which server (and history of it) acknowledged it; null when unknown.</param>
    public void Acknowledge(string id, string? origin) => Append(new LedgerEntry(id, Region, Workload, _clock.Now.TotalSeconds) { Origin = origin });

    /// <summary>
    /// Records a write the server acknowledged, with its origin and when the request that committed it was sent
    /// (<see cref="LedgerEntry.SentAt"/>, e.g. <see cref="Elapsed"/> read just before timing that request), so the
    /// commit is known to lie between then and now. Call it only once the server has confirmed the write.
    /// </summary>
    /// <param name="id">The acknowledged id.</param>
    /// <param name="origin">Which server (and history of it) acknowledged it; null when unknown.</param>
    /// <param name="committingRequestSent">When the committing request was sent, from the run's start.</param>
    public void Acknowledge(string id, string? origin, TimeSpan committingRequestSent) =>
        Append(new LedgerEntry(id, Region, Workload, _clock.Now.TotalSeconds) { Origin = origin, SentAt = committingRequestSent.TotalSeconds });

    /// <inheritdoc />
    public void RecordTransfer(long bytesSent, long bytesReceived) => _collector.RecordTransfer(bytesSent, bytesReceived);

    private void Append(LedgerEntry entry)
    {
        ArgumentException.ThrowIfNullOrEmpty(entry.Id);
        _ledger?.Append(entry);
        _collector.RecordAcknowledged();
    }

    private void RecordOperation(string operation, Outcome outcome, string? errorKind, TimeSpan sent)
    {
        var end = _clock.Now;
        TimeSpan intended;
        lock (_gate)
        {
            intended = _cursor;
            _cursor = end;
        }

        _collector.RecordOperation(operation, outcome, errorKind, end - intended, end - sent);
    }
}
