using System.Globalization;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Run;

/// <summary>
/// Records in the run folder (<see cref="RecordedProcesses"/>) every process the run starts: once a second, every
/// process descending from this one — Aspire's orchestrator, each resource's process and what it started — each
/// (PID, start time) pair once, named by its resource. A run killed together with the orchestrator leaves the
/// resources' processes running; the next start kills them by this list.
/// </summary>
public sealed class ProcessRecorder : IAsyncDisposable
{
    private const string PidProperty = "executable.pid";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
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
    /// Records every process descending from this one (the orchestrator, the resources, what they started), named by the
    /// resource it is or descends from. Only descendants count: a resource's PID Aspire still shows after it exited
    /// may have been given to an unrelated process since, which must never be recorded (the next start would kill it).
    /// </summary>
    private void RecordNow()
    {
        var resourceOf = new Dictionary<int, string>();
        foreach (var name in _resources)
        {
            if (_notifications.TryGetCurrentState(name, out var state)
                && state.Snapshot.Properties.FirstOrDefault(p => p.Name == PidProperty)?.Value is { } value
                && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                resourceOf[pid] = name;
            }
        }

        var parents = ProcFs.Parents();
        var fresh = new List<RecordedProcess>();
        lock (_recorded)
        {
            foreach (var pid in ProcFs.Descendants(Environment.ProcessId, parents))
            {
                if (ProcFs.StartTime(pid) is { } start && _recorded.Add((pid, start)))
                {
                    fresh.Add(new RecordedProcess(pid, start, NameOf(pid, resourceOf, parents)));
                }
            }

            RecordedProcesses.Record(_runFolder, fresh);
        }
    }

    /// <summary>The resource the process is, or the nearest one it descends from, else the orchestrator.</summary>
    private static string NameOf(int pid, Dictionary<int, string> resourceOf, IReadOnlyDictionary<int, int> parents)
    {
        for (var (at, depth) = (pid, 0); at != Environment.ProcessId && depth < 64; depth++)
        {
            if (resourceOf.TryGetValue(at, out var name))
            {
                return at == pid ? name : name + " (child)";
            }

            if (!parents.TryGetValue(at, out at))
            {
                break;
            }
        }

        return "orchestrator";
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
