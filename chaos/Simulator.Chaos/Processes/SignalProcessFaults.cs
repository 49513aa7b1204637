using System.Globalization;
using Simulator.Chaos.Processes;

namespace Simulator.Chaos;

/// <summary>
/// <see cref="IProcessFaults"/> over process IDs and POSIX signals (<c>kill(2)</c>), on Linux. The AppHost says
/// which PIDs a resource has (a resolver) and how to start it again (a callback); this class finds their
/// descendants in <c>/proc</c> and signals them.
/// </summary>
/// <remarks>
/// <para><b>Resolver contract.</b> <c>resolvePids(resource, token)</c> returns the PIDs of the resource's main
/// processes as they are now: for PostgreSQL the postmaster (first line of <c>&lt;data dir&gt;/postmaster.pid</c>,
/// see <see cref="PidFile"/>), for an executable resource the PID its launcher reports. It is called on every
/// action, so a restarted resource's new PIDs are used. An empty list means the resource is not running (the action
/// fails, except resume); throw (e.g. <see cref="KeyNotFoundException"/>) for a name it does not know. Children need
/// not be listed: <see cref="ProcessFaultOptions.Scope"/> decides whether descendants are signalled too. PIDs that
/// are not alive, and the calling process itself, are ignored.</para>
/// <para><b>Pause</b> stops the main processes first (so they cannot start new children), then their descendants,
/// walking the tree again until no new one shows up, and waits until they show as stopped. <b>Resume</b> continues
/// exactly the processes the pause stopped (children first), plus the resource's current tree. <b>Stop</b> sends
/// SIGTERM to the main processes (which shut their children down, as PostgreSQL's postmaster does) and SIGCONT to
/// the tree (a paused process could not act on SIGTERM), waits <see cref="ProcessFaultOptions.StopTimeout"/> for the
/// whole tree to exit, then SIGKILLs what is left. <b>Kill</b> freezes the tree as a pause does (so no child forked
/// during the walk escapes), then SIGKILLs all of it, and waits until they are gone.</para>
/// </remarks>
public sealed class SignalProcessFaults : IProcessFaults
{
    private readonly Func<string, CancellationToken, Task<IReadOnlyList<int>>> _resolvePids;
    private readonly Func<string, CancellationToken, Task>? _start;
    private readonly ProcessFaultOptions _options;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<int>> _paused = new(StringComparer.Ordinal);

    /// <summary>Creates process faults over the AppHost's PIDs.</summary>
    /// <param name="resolvePids">Gives a resource's main PIDs (see the remarks for the contract).</param>
    /// <param name="start">Starts a resource again; null when resources cannot be started (start then fails).</param>
    /// <param name="options">Scope and timeouts; null for the defaults.</param>
    public SignalProcessFaults(
        Func<string, CancellationToken, Task<IReadOnlyList<int>>> resolvePids,
        Func<string, CancellationToken, Task>? start = null,
        ProcessFaultOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resolvePids);
        _resolvePids = resolvePids;
        _start = start;
        _options = options ?? new ProcessFaultOptions();
    }

    /// <summary>Whether signals can be sent on this platform (Linux).</summary>
    public static bool IsSupported => Posix.IsSupported;

    /// <summary>The resources paused by this instance and not resumed yet.</summary>
    public IReadOnlyCollection<string> Paused
    {
        get
        {
            lock (_gate)
            {
                return [.. _paused.Keys];
            }
        }
    }

    /// <inheritdoc/>
    public async Task<ProcessFaultResult> KillAsync(string resource, CancellationToken cancellationToken = default)
    {
        var roots = await ResolveAsync(resource, cancellationToken);
        // The tree is frozen before it is killed: a parent still running between the walk and its SIGKILL can fork a
        // child the walk missed, which then outlives it (a PostgreSQL backend forked under load kept the dead
        // postmaster's shared memory attached, and the restarted node could not start).
        var frozen = _options.Scope == SignalScope.ProcessTree ? FreezeTree(roots) : null;
        var targets = frozen is null ? SignalTree(roots, Posix.SigKill, ignoreGone: true) : [.. frozen.Where(pid => Send(pid, Posix.SigKill, ignoreGone: true))];
        Forget(resource);
        if (!await WaitForExitAsync(targets, _options.ExitTimeout, cancellationToken))
        {
            throw new TimeoutException($"{resource}: processes {Describe(targets.Where(ProcessTable.IsAlive))} were still alive {Seconds(_options.ExitTimeout)} after SIGKILL.");
        }

        return new ProcessFaultResult(resource, "kill", targets);
    }

    /// <inheritdoc/>
    public async Task<ProcessFaultResult> PauseAsync(string resource, CancellationToken cancellationToken = default)
    {
        var roots = await ResolveAsync(resource, cancellationToken);
        List<int> stopped;
        if (_options.Scope == SignalScope.ProcessGroup)
        {
            stopped = SignalGroups(roots, Posix.SigStop);
        }
        else if (_options.Scope == SignalScope.ProcessTree)
        {
            stopped = FreezeTree(roots);
        }
        else
        {
            stopped = [];
            foreach (var pid in roots)
            {
                Send(pid, Posix.SigStop, ignoreGone: false);
                stopped.Add(pid);
            }
        }

        lock (_gate)
        {
            if (_paused.TryGetValue(resource, out var earlier))
            {
                earlier.AddRange(stopped.Where(p => !earlier.Contains(p)));
            }
            else
            {
                _paused[resource] = [.. stopped];
            }
        }

        await WaitUntilAsync(() => stopped.All(p => ProcessTable.Read(p) is not { IsAlive: true, IsStopped: false }), _options.PauseSettleTimeout, cancellationToken);
        return new ProcessFaultResult(resource, "pause", stopped);
    }

    /// <inheritdoc/>
    public async Task<ProcessFaultResult> ResumeAsync(string resource, CancellationToken cancellationToken = default)
    {
        ThrowIfUnsupported();
        ArgumentException.ThrowIfNullOrEmpty(resource);
        List<int>? paused;
        lock (_gate)
        {
            _paused.Remove(resource, out paused);
        }

        IReadOnlyList<int> current;
        try
        {
            current = await ResolveAsync(resource, cancellationToken);
        }
        catch (Exception) when (paused is not null)
        {
            // The resource cannot be resolved now; the processes the pause stopped are still known.
            current = [];
        }

        var tree = _options.Scope == SignalScope.ProcessGroup
            ? current.Select(GroupOf).Distinct().SelectMany(ProcessTable.GroupMembers).ToList()
            : _options.Scope == SignalScope.ProcessTree ? [.. current, .. ProcessTable.Descendants(current)] : [.. current];

        // Children first, the main processes last (the reverse of the pause), then anything the pause did not see.
        var order = (paused ?? []).AsEnumerable().Reverse().Concat(tree.AsEnumerable().Reverse()).Distinct().ToList();
        var resumed = order.Where(pid => Send(pid, Posix.SigCont, ignoreGone: true)).ToList();
        return new ProcessFaultResult(resource, "resume", resumed);
    }

    /// <inheritdoc/>
    public async Task<ProcessFaultResult> StopAsync(string resource, CancellationToken cancellationToken = default)
    {
        var roots = await ResolveAsync(resource, cancellationToken);
        var tree = Expand(roots);
        if (_options.Scope == SignalScope.ProcessGroup)
        {
            SignalGroups(roots, Posix.SigTerm);
            SignalGroups(roots, Posix.SigCont);
        }
        else
        {
            foreach (var pid in roots)
            {
                Send(pid, Posix.SigTerm, ignoreGone: true);
            }

            foreach (var pid in tree)
            {
                Send(pid, Posix.SigCont, ignoreGone: true);
            }
        }

        Forget(resource);
        if (await WaitForExitAsync(tree, _options.StopTimeout, cancellationToken))
        {
            return new ProcessFaultResult(resource, "stop", tree);
        }

        // Still there: kill what is left, including children started since.
        var left = tree.Where(ProcessTable.IsAlive).ToList();
        var victims = left.Concat(Expand(roots.Where(ProcessTable.IsAlive).ToList())).Distinct().ToList();
        foreach (var pid in victims)
        {
            Send(pid, Posix.SigKill, ignoreGone: true);
        }

        if (!await WaitForExitAsync(victims, _options.ExitTimeout, cancellationToken))
        {
            throw new TimeoutException($"{resource}: processes {Describe(victims.Where(ProcessTable.IsAlive))} were still alive {Seconds(_options.ExitTimeout)} after SIGKILL.");
        }

        return new ProcessFaultResult(resource, "stop", tree.Union(victims).ToList(), Escalated: true);
    }

    /// <inheritdoc/>
    public async Task<ProcessFaultResult> StartAsync(string resource, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(resource);
        if (_start is null)
        {
            throw new NotSupportedException($"{resource} cannot be started: no start callback was given.");
        }

        await _start(resource, cancellationToken);
        return new ProcessFaultResult(resource, "start", []);
    }

    private async Task<IReadOnlyList<int>> ResolveAsync(string resource, CancellationToken cancellationToken)
    {
        ThrowIfUnsupported();
        ArgumentException.ThrowIfNullOrEmpty(resource);
        var pids = await _resolvePids(resource, cancellationToken) ?? [];
        var self = Environment.ProcessId;
        var alive = pids.Where(p => p > 0 && p != self).Distinct().Where(ProcessTable.IsAlive).ToList();
        return alive.Count > 0
            ? alive
            : throw new InvalidOperationException($"{resource} has no running process{(pids.Count > 0 ? $" (PIDs {Describe(pids)} are gone)" : "")}.");
    }

    /// <summary>
    /// SIGSTOPs the main processes, then their descendants, walking again until no new one appears: children forked
    /// while a walk ran are caught by the next, and stopped parents fork no more. Returns the stopped processes, main
    /// processes first.
    /// </summary>
    private static List<int> FreezeTree(IReadOnlyList<int> roots)
    {
        List<int> stopped = [];
        foreach (var pid in roots)
        {
            Send(pid, Posix.SigStop, ignoreGone: false);
            stopped.Add(pid);
        }

        for (var pass = 0; pass < 5; pass++)
        {
            var fresh = ProcessTable.Descendants(roots).Where(p => !stopped.Contains(p)).ToList();
            if (fresh.Count == 0)
            {
                break;
            }

            foreach (var pid in fresh)
            {
                if (Send(pid, Posix.SigStop, ignoreGone: true))
                {
                    stopped.Add(pid);
                }
            }
        }

        return stopped;
    }

    /// <summary>The processes the scope covers, main processes first.</summary>
    private List<int> Expand(IReadOnlyList<int> roots) => _options.Scope switch
    {
        SignalScope.Process => [.. roots],
        SignalScope.ProcessGroup => [.. roots.Select(GroupOf).Distinct().SelectMany(ProcessTable.GroupMembers).Distinct()],
        _ => [.. roots, .. ProcessTable.Descendants(roots)],
    };

    private List<int> SignalTree(IReadOnlyList<int> roots, int signal, bool ignoreGone)
    {
        if (_options.Scope == SignalScope.ProcessGroup)
        {
            return SignalGroups(roots, signal);
        }

        var targets = Expand(roots);
        foreach (var pid in targets)
        {
            Send(pid, signal, ignoreGone);
        }

        return targets;
    }

    private static List<int> SignalGroups(IReadOnlyList<int> roots, int signal)
    {
        var own = GroupOf(Environment.ProcessId);
        var groups = roots.Select(GroupOf).Distinct().ToList();
        if (groups.Contains(own))
        {
            throw new InvalidOperationException($"Process group {own} is the simulator's own; start the resource as its own group leader or use SignalScope.ProcessTree.");
        }

        var members = groups.SelectMany(ProcessTable.GroupMembers).Distinct().ToList();
        foreach (var group in groups)
        {
            Send(-group, signal, ignoreGone: true);
        }

        return members;
    }

    private static int GroupOf(int pid) =>
        ProcessTable.Read(pid)?.ProcessGroup ?? throw new InvalidOperationException($"Process {pid} is gone.");

    /// <summary>Sends a signal; returns false when the process is gone (and that is allowed).</summary>
    private static bool Send(int pid, int signal, bool ignoreGone)
    {
        var error = Posix.Signal(pid, signal);
        if (error == 0)
        {
            return true;
        }

        if (error == Posix.NoSuchProcess && ignoreGone)
        {
            return false;
        }

        var what = pid < 0 ? $"process group {-pid}" : $"process {pid}";
        throw new InvalidOperationException(error switch
        {
            Posix.NoSuchProcess => $"{what} is gone.",
            Posix.NotPermitted => $"Not permitted to signal {what} (it belongs to another user).",
            _ => string.Create(CultureInfo.InvariantCulture, $"kill({pid}, {signal}) failed with errno {error}."),
        });
    }

    private void Forget(string resource)
    {
        lock (_gate)
        {
            _paused.Remove(resource);
        }
    }

    private Task<bool> WaitForExitAsync(IReadOnlyList<int> pids, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitUntilAsync(() => !pids.Any(ProcessTable.IsAlive), timeout, cancellationToken);

    private async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var time = _options.Time;
        var start = time.GetTimestamp();
        while (!condition())
        {
            if (time.GetElapsedTime(start) >= timeout)
            {
                return condition();
            }

            await Task.Delay(_options.PollInterval, time, cancellationToken);
        }

        return true;
    }

    private static void ThrowIfUnsupported()
    {
        if (!Posix.IsSupported)
        {
            throw new PlatformNotSupportedException("Process faults need Linux (kill(2) and /proc).");
        }
    }

    private static string Describe(IEnumerable<int> pids) => string.Join(", ", pids.Select(p => p.ToString(CultureInfo.InvariantCulture)));

    private static string Seconds(TimeSpan value) => string.Create(CultureInfo.InvariantCulture, $"{value.TotalSeconds:0.###} s");
}
