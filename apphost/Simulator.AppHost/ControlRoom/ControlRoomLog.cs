using Simulator.Load.Reports;

namespace Simulator.AppHost.ControlRoom;

/// <summary>
/// The control room's event log: every dashboard command's outcome, in order, on one clock started as the
/// topology is stood up; <c>sim up</c> prints each as it happens. It also keeps the faults those commands set about and
/// undid, in the shape a run's fault timeline reports (<see cref="FaultReport"/>), so a run can take them later.
/// </summary>
/// <remarks>Safe for concurrent use: commands from the dashboard and a background load report at any time.</remarks>
public sealed class ControlRoomLog
{
    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly Action<ControlRoomEvent>? _onRecorded;
    private readonly Lock _gate = new();
    private readonly List<ControlRoomEvent> _events = [];
    private readonly List<FaultReport> _faults = [];
    private readonly Dictionary<ControlRoomFault, List<int>> _open = [];

    /// <summary>Starts the log's clock now.</summary>
    /// <param name="time">The clock.</param>
    /// <param name="onRecorded">Told of every event as it is recorded (e.g. to print it); null for none.</param>
    public ControlRoomLog(TimeProvider time, Action<ControlRoomEvent>? onRecorded = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _origin = time.GetTimestamp();
        _onRecorded = onRecorded;
    }

    /// <summary>The log's clock.</summary>
    public TimeProvider Time => _time;

    /// <summary>Seconds since the log started.</summary>
    public double Elapsed => _time.GetElapsedTime(_origin).TotalSeconds;

    /// <summary>The events so far, in order.</summary>
    public IReadOnlyList<ControlRoomEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>
    /// The faults set about from the control room, in the order they started, with the second each ended (null while
    /// still in effect) — the shape of a run's <c>faults</c> report.
    /// </summary>
    public IReadOnlyList<FaultReport> Faults
    {
        get
        {
            lock (_gate)
            {
                return [.. _faults];
            }
        }
    }

    /// <summary>Records an action's outcome, and the faults it started or ended; returns the event.</summary>
    /// <param name="action">The action's name (the command's short name).</param>
    /// <param name="target">What it was done to.</param>
    /// <param name="message">What was done, or why it failed.</param>
    /// <param name="succeeded">Whether it took effect; a failed action starts no fault.</param>
    /// <param name="started">Faults it set about.</param>
    /// <param name="ended">Faults it undid: every open fault of each kind and target given ends now.</param>
    /// <param name="instant">Instantaneous actions it completed (a switchover): each starts and ends now.</param>
    /// <returns>The event recorded.</returns>
    public ControlRoomEvent Record(
        string action,
        string target,
        string message,
        bool succeeded,
        IReadOnlyList<ControlRoomFault>? started = null,
        IReadOnlyList<ControlRoomFault>? ended = null,
        IReadOnlyList<ControlRoomFault>? instant = null)
    {
        ControlRoomEvent recorded;
        lock (_gate)
        {
            var at = Math.Round(Elapsed, 3);
            recorded = new ControlRoomEvent(at, _time.GetUtcNow(), action, target, message, succeeded);
            _events.Add(recorded);
            foreach (var fault in ended ?? [])
            {
                if (_open.Remove(fault, out var indexes))
                {
                    indexes.ForEach(i => _faults[i] = _faults[i] with { EndedAtSeconds = at });
                }
            }

            foreach (var fault in succeeded ? started ?? [] : [])
            {
                _faults.Add(new FaultReport(fault.Kind, fault.Target, at, null));
                if (!_open.TryGetValue(fault, out var indexes))
                {
                    _open[fault] = indexes = [];
                }

                indexes.Add(_faults.Count - 1);
            }

            foreach (var fault in succeeded ? instant ?? [] : [])
            {
                _faults.Add(new FaultReport(fault.Kind, fault.Target, at, at));
            }
        }

        _onRecorded?.Invoke(recorded);
        return recorded;
    }

    /// <summary>The faults still in effect (started and not ended).</summary>
    /// <returns>Their kinds and targets.</returns>
    public IReadOnlyList<ControlRoomFault> OpenFaults()
    {
        lock (_gate)
        {
            return [.. _open.Keys];
        }
    }
}
