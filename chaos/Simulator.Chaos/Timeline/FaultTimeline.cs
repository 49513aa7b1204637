using System.Globalization;

namespace Simulator.Chaos;

/// <summary>
/// Runs a scenario's faults on the run's clock: each at its offset, each timed one undone after its <c>for</c>
/// (resume, heal, start again), recording when each really started and ended.
/// </summary>
/// <remarks>
/// <code>
/// var timeline = new FaultTimeline(specs, new FaultTimelineOptions { LinkFaults = links, ProcessFaults = processes, Regions = regions });
/// var records = await timeline.RunAsync(runStart, progress, runCancellation.Token);   // runStart: TimeProvider.GetTimestamp() at the run's start
/// </code>
/// <para>Faults run independently: a slow one (a stop waiting for SIGTERM) does not hold back the next. A fault due
/// before <see cref="RunAsync(long, IProgress{FaultEvent}?, CancellationToken)"/> is called fires at once, and its
/// record says when.</para>
/// <para>The returned task completes once every fault has fired and every timed one has ended. A pause or network
/// fault without <c>for</c> lasts until the token is cancelled (the end of the run). On cancellation, faults not yet
/// due are skipped and <b>every pause and network fault still in effect is undone</b> (resumed, healed) before the
/// task completes, so no paused process or cut link is left behind; killed or stopped resources are not started
/// again (the run is over). Actions in progress are allowed to finish, bounded by
/// <see cref="FaultTimelineOptions.ActionTimeout"/>, so what they did is known and undone. The task never throws
/// for a fault's failure: failures are in the records.</para>
/// </remarks>
public sealed class FaultTimeline
{
    private readonly FaultTimelineOptions _options;
    private readonly Slot[] _slots;
    private readonly Lock _gate = new();
    private IProgress<FaultEvent>? _progress;
    private long _origin;
    private int _started;

    /// <summary>Creates a timeline.</summary>
    /// <param name="faults">The faults, in any order.</param>
    /// <param name="options">What to act through and the clock; null for none (every fault would fail).</param>
    public FaultTimeline(IEnumerable<FaultSpec> faults, FaultTimelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(faults);
        _options = options ?? new FaultTimelineOptions();
        _slots = [.. faults.Select((fault, index) =>
        {
            ArgumentNullException.ThrowIfNull(fault, nameof(faults));
            ArgumentOutOfRangeException.ThrowIfLessThan(fault.At, TimeSpan.Zero, nameof(faults));
            return new Slot(new FaultRecord { Fault = fault, Index = index });
        })];
    }

    /// <summary>The records so far, in the order the faults were given (a snapshot, for live views).</summary>
    public IReadOnlyList<FaultRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _slots.Select(s => s.Record)];
            }
        }
    }

    /// <summary>Runs the timeline from now.</summary>
    /// <param name="progress">Told of every fault that starts, fails or ends; may be null.</param>
    /// <param name="cancellationToken">Ends the run: skips faults not yet due and undoes those in effect.</param>
    /// <returns>The records, in the order the faults were given.</returns>
    public Task<IReadOnlyList<FaultRecord>> RunAsync(IProgress<FaultEvent>? progress = null, CancellationToken cancellationToken = default) =>
        RunAsync(_options.Time.GetTimestamp(), progress, cancellationToken);

    /// <summary>Runs the timeline on a run that started at <paramref name="runStartTimestamp"/>.</summary>
    /// <param name="runStartTimestamp">The run's start, a <see cref="TimeProvider.GetTimestamp"/> of <see cref="FaultTimelineOptions.Time"/>.</param>
    /// <param name="progress">Told of every fault that starts, fails or ends; may be null.</param>
    /// <param name="cancellationToken">Ends the run: skips faults not yet due and undoes those in effect.</param>
    /// <returns>The records, in the order the faults were given.</returns>
    /// <exception cref="InvalidOperationException">The timeline already ran.</exception>
    public async Task<IReadOnlyList<FaultRecord>> RunAsync(long runStartTimestamp, IProgress<FaultEvent>? progress = null, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _started, 1) != 0)
        {
            throw new InvalidOperationException("A fault timeline runs once.");
        }

        _origin = runStartTimestamp;
        _progress = progress;
        await Task.WhenAll(_slots.Select(s => RunSlotAsync(s, cancellationToken))).ConfigureAwait(false);
        if (!cancellationToken.IsCancellationRequested && HasOpenEndedFaults())
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await CleanUpAsync().ConfigureAwait(false);
        return Records;
    }

    private TimeSpan Elapsed => _options.Time.GetElapsedTime(_origin);

    private double Now() => Seconds(Elapsed);

    private static double Seconds(TimeSpan offset) => Math.Round(offset.TotalSeconds, 3, MidpointRounding.AwayFromZero);

    private async Task RunSlotAsync(Slot slot, CancellationToken cancellationToken)
    {
        var spec = slot.Record.Fault;
        try
        {
            await DelayUntilAsync(spec.At, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Change(slot, FaultEventKind.Skipped, r => r with { Outcome = FaultOutcome.Skipped, Message = "the run ended before it was due" });
            return;
        }

        var start = Elapsed;
        Change(slot, null, r => r with { StartedAtSeconds = Seconds(start) });
        Applied applied;
        try
        {
            using var timeout = ActionTimeout();
            applied = await ApplyAsync(slot, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            Change(slot, FaultEventKind.Failed, r => r with { Outcome = FaultOutcome.Failed, Message = Describe(ex) });
            return;
        }

        lock (_gate)
        {
            slot.Undo = applied.Undo;
            slot.UndoOnCancel = applied.UndoOnCancel;
            slot.Handle = applied.Handle;
        }

        Change(slot, FaultEventKind.Started, r => r with { Outcome = FaultOutcome.Applied, Message = applied.Message });
        if (applied.Healed is not null)
        {
            MarkHealed(applied.Healed);
        }

        if (applied.Instant)
        {
            Change(slot, FaultEventKind.Ended, r => r with { EndedAtSeconds = Now(), EndReason = FaultEndReason.Completed });
            return;
        }

        if (applied.Undo is null || spec.For is not { } duration)
        {
            return;
        }

        var end = DelayUntilAsync(start + duration, cancellationToken);
        var first = await Task.WhenAny(end, slot.EndedEarly.Task).ConfigureAwait(false);
        if (first == end && end.IsCompletedSuccessfully)
        {
            await EndAsync(slot, FaultEndReason.Elapsed).ConfigureAwait(false);
        }
    }

    private async Task<Applied> ApplyAsync(Slot slot, CancellationToken cancellationToken)
    {
        var spec = slot.Record.Fault;
        if (spec.Kind.IsProcessFault())
        {
            var processes = _options.ProcessFaults
                ?? throw new InvalidOperationException("Process faults are not available in this run.");
            var target = spec.Target;
            switch (spec.Kind)
            {
                case FaultType.Kill:
                case FaultType.Stop:
                    var stopped = spec.Kind == FaultType.Kill
                        ? await processes.KillAsync(target, cancellationToken).ConfigureAwait(false)
                        : await processes.StopAsync(target, cancellationToken).ConfigureAwait(false);
                    return new Applied(stopped.ToString(), spec.For is null ? null : Undo(processes.StartAsync, target), UndoOnCancel: false);
                case FaultType.Pause:
                    var paused = await processes.PauseAsync(target, cancellationToken).ConfigureAwait(false);
                    return new Applied(paused.ToString(), Undo(processes.ResumeAsync, target), UndoOnCancel: true);
                default:
                    var started = await processes.StartAsync(target, cancellationToken).ConfigureAwait(false);
                    return new Applied(started.ToString(), null, UndoOnCancel: false) { Instant = true };
            }
        }

        if (spec.Kind.IsClusterFault())
        {
            var cluster = _options.ClusterFaults
                ?? throw new InvalidOperationException("Cluster actions are not available in this run (no Patroni cluster).");
            var done = spec.Kind == FaultType.RegionFailover
                ? await cluster.RegionFailoverAsync(spec.Target.Trim(), cancellationToken).ConfigureAwait(false)
                : await cluster.SwitchoverAsync(spec.Target.Trim(), cancellationToken).ConfigureAwait(false);
            return new Applied(done, null, UndoOnCancel: false) { Instant = true };
        }

        var links = _options.LinkFaults
            ?? throw new InvalidOperationException("Network faults are not available in this run (no fault proxy).");
        if (spec.Kind == FaultType.Heal)
        {
            var healed = spec.Target.Trim() == "all"
                ? await links.HealAllAsync(cancellationToken).ConfigureAwait(false)
                : await links.HealAsync(LinkTarget.Parse(spec.Target, _options.Regions), cancellationToken).ConfigureAwait(false);
            var message = string.Create(CultureInfo.InvariantCulture, $"healed {healed.Count} fault{(healed.Count == 1 ? "" : "s")}");
            return new Applied(message, null, UndoOnCancel: false) { Instant = true, Healed = healed };
        }

        var linkTarget = LinkTarget.Parse(spec.Target, _options.Regions);
        var fault = spec.Kind switch
        {
            FaultType.Partition => await links.PartitionAsync(linkTarget, spec.Direction, cancellationToken).ConfigureAwait(false),
            FaultType.Latency => await links.AddLatencyAsync(
                linkTarget,
                spec.Delay ?? throw new InvalidOperationException("A latency fault needs a delay."),
                spec.Jitter ?? TimeSpan.Zero,
                cancellationToken).ConfigureAwait(false),
            FaultType.Timeout => await links.TimeoutAsync(linkTarget, spec.After, cancellationToken).ConfigureAwait(false),
            FaultType.Reset => await links.ResetAsync(linkTarget, cancellationToken).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"Unknown fault kind {spec.Kind}."),
        };
        var what = $"{fault.Kind}{(spec.Kind == FaultType.Partition && spec.Direction == PartitionDirection.OneWay ? " (one way)" : "")} on {string.Join(", ", fault.Links)}";
        return new Applied(what, async token =>
        {
            await links.HealAsync(fault, token).ConfigureAwait(false);
            return "healed";
        }, UndoOnCancel: true) { Handle = fault };
    }

    private static Func<CancellationToken, Task<string?>> Undo(Func<string, CancellationToken, Task<ProcessFaultResult>> action, string target) =>
        async token => (await action(target, token).ConfigureAwait(false)).ToString();

    /// <summary>Undoes a fault once (whoever comes first: its timer, a heal or the clean-up claims the undo).</summary>
    private async Task EndAsync(Slot slot, FaultEndReason reason)
    {
        Func<CancellationToken, Task<string?>>? undo;
        lock (_gate)
        {
            undo = slot.Record.EndedAtSeconds is null ? slot.Undo : null;
            slot.Undo = null;
        }

        if (undo is null)
        {
            return;
        }

        var endedAt = Now();
        try
        {
            using var timeout = ActionTimeout();
            var done = await undo(timeout.Token).ConfigureAwait(false);
            Change(slot, FaultEventKind.Ended, r => r with { EndedAtSeconds = endedAt, EndReason = reason, Message = Join(r.Message, done) });
        }
        catch (Exception ex)
        {
            Change(slot, FaultEventKind.EndFailed, r => r with { Message = Join(r.Message, "could not end: " + Describe(ex)) });
        }
    }

    private void MarkHealed(IReadOnlyList<LinkFault> healed)
    {
        var now = Now();
        foreach (var slot in _slots)
        {
            bool ended;
            lock (_gate)
            {
                ended = slot.Handle is { } handle
                    && slot.Record.EndedAtSeconds is null
                    && healed.Any(h => h.Id == handle.Id && h.ToxicName == handle.ToxicName);
                if (ended)
                {
                    slot.Undo = null;
                }
            }

            if (ended)
            {
                Change(slot, FaultEventKind.Ended, r => r with { EndedAtSeconds = now, EndReason = FaultEndReason.Healed });
                slot.EndedEarly.TrySetResult();
            }
        }
    }

    private bool HasOpenEndedFaults()
    {
        lock (_gate)
        {
            return _slots.Any(s => s.Undo is not null && s.UndoOnCancel && s.Record.EndedAtSeconds is null);
        }
    }

    /// <summary>On the way out: undoes every pause and network fault still in effect, latest first.</summary>
    private async Task CleanUpAsync()
    {
        List<Slot> open;
        lock (_gate)
        {
            open = [.. _slots
                .Where(s => s.Undo is not null && s.Record.EndedAtSeconds is null)
                .OrderByDescending(s => s.Record.StartedAtSeconds)];
        }

        foreach (var slot in open)
        {
            if (slot.UndoOnCancel)
            {
                await EndAsync(slot, FaultEndReason.Cancelled).ConfigureAwait(false);
            }
            else
            {
                lock (_gate)
                {
                    slot.Undo = null;
                }

                Change(slot, null, r => r with { Message = Join(r.Message, "not started again: the run ended first") });
            }
        }
    }

    private async Task DelayUntilAsync(TimeSpan offset, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var remaining = offset - Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(remaining, _options.Time, cancellationToken).ConfigureAwait(false);
        }
    }

    private CancellationTokenSource ActionTimeout() => new(_options.ActionTimeout, _options.Time);

    private void Change(Slot slot, FaultEventKind? kind, Func<FaultRecord, FaultRecord> change)
    {
        FaultRecord record;
        lock (_gate)
        {
            record = slot.Record = change(slot.Record);
        }

        if (kind is { } eventKind)
        {
            _progress?.Report(new FaultEvent(eventKind, record, Now()));
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        AggregateException { InnerExceptions.Count: 1 } aggregate => Describe(aggregate.InnerExceptions[0]),
        OperationCanceledException => "timed out",
        _ => ex.Message,
    };

    private static string? Join(string? first, string? second) =>
        string.IsNullOrEmpty(first) ? second : string.IsNullOrEmpty(second) ? first : $"{first}; then {second}";

    private sealed class Slot(FaultRecord record)
    {
        public FaultRecord Record { get; set; } = record;

        /// <summary>What undoes the fault; null when nothing does, or once claimed.</summary>
        public Func<CancellationToken, Task<string?>>? Undo { get; set; }

        public bool UndoOnCancel { get; set; }

        public LinkFault? Handle { get; set; }

        public TaskCompletionSource EndedEarly { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed record Applied(string? Message, Func<CancellationToken, Task<string?>>? Undo, bool UndoOnCancel)
    {
        public bool Instant { get; init; }

        public IReadOnlyList<LinkFault>? Healed { get; init; }

        public LinkFault? Handle { get; init; }
    }
}
