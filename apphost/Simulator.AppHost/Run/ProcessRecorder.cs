using System.Globalization;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Run;

/// <summary>
/// Records in the run folder (<see cref="RecordedProcesses"/>) every process a topology's resources run: once a second,
/// each running resource's PID as Aspire reports it and every process descending from one, each (PID, start time)
/// pair once. A run killed together with Aspire's orchestrator leaves those running; the next start kills them by this list.
/// </summary>
public sealed class ProcessRecorder : IAsyncDisposable
{
    private const string PidProperty = "executable.pid";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How much later than Aspire's start stamp a resource's process may have started (a loaded machine is slow to report).</summary>
    private static readonly TimeSpan StartSlack = TimeSpan.FromSeconds(30);
    private readonly ResourceNotificationService _notifications;
    private readonly IReadOnlyList<string> _resources;
    private readonly string _runFolder;
    private readonly TimeProvider _time;
    private readonly HashSet<(int Pid, long StartTime)> _recorded = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _recording;

    /// <summary>Starts recording.</summary>
    /// <param name="notifications">The app's resource states (their PIDs name the processes).</param>
    /// <param name="resources">The resources whose names the processes are recorded under.</param>
    /// <param name="runFolder">The run folder the list is kept in.</param>
    /// <param name="time">The clock the recording is scheduled on.</param>
    public ProcessRecorder(ResourceNotificationService notifications, IEnumerable<IResource> resources, string runFolder, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        ArgumentNullException.ThrowIfNull(resources);
        _notifications = notifications;
        _resources = [.. resources.Select(r => r.Name)];
        _runFolder = runFolder;
        _time = time;
        _recording = Task.Run(RecordLoopAsync);
    }

    /// <summary>
    /// Records each running resource's process and every process descending from one, named by its resource. A PID
    /// counts as the resource's only while Aspire shows the resource running and the process started no later than
    /// Aspire saw it start: a PID Aspire still shows after the resource exited may belong to an unrelated process by
    /// now, which must never be recorded (the next start would kill it).
    /// </summary>
    private void RecordNow()
    {
        var roots = new Dictionary<int, string>();
        foreach (var name in _resources)
        {
            if (_notifications.TryGetCurrentState(name, out var state)
                && state.Snapshot.State?.Text == KnownResourceStates.Running
                && state.Snapshot.StartTimeStamp is { } started
                && state.Snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value is { } value
                && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && ProcFs.StartedAt(pid) is { } processStarted
                && processStarted <= new DateTimeOffset(started.ToUniversalTime(), TimeSpan.Zero) + StartSlack)
            {
                roots[pid] = name;
            }
        }

        var parents = ProcFs.Parents();
        var found = roots.Select(r => (Pid: r.Key, Name: r.Value))
            .Concat(roots.SelectMany(r => ProcFs.Descendants(r.Key, parents).Select(pid => (Pid: pid, Name: r.Value + " (child)"))));
        var fresh = new List<RecordedProcess>();
        lock (_recorded)
        {
            foreach (var (pid, name) in found)
            {
                if (ProcFs.StartTime(pid) is { } start && _recorded.Add((pid, start)))
                {
                    fresh.Add(new RecordedProcess(pid, start, name));
                }
            }

            RecordedProcesses.Record(_runFolder, fresh);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _recording;
        _stop.Dispose();
    }

    private async Task RecordLoopAsync()
    {
        var token = _stop.Token;
        try
        {
            while (!token.IsCancellationRequested)
            {
                try
                {
                    RecordNow();
                }
                catch (IOException)
                {
                    // The run folder went away (teardown): nothing left to record.
                }

                await Task.Delay(Interval, _time, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
    }
}
