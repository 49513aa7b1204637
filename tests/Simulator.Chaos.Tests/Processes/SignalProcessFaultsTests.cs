using Simulator.Chaos.Processes;

namespace Simulator.Chaos.Tests.Processes;

/// <summary>Process faults against real child processes (bash loops printing a line every 100 ms).</summary>
public sealed class SignalProcessFaultsTests
{
    private const string Printer = "while true; do echo x; sleep 0.1; done";

    // The printing loop runs in a subshell under a waiting parent: a process tree.
    private const string PrinterUnderParent = "(" + Printer + ") & wait";

    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Silence = TimeSpan.FromMilliseconds(700);

    [Fact]
    public async Task Kill_ends_the_process_and_its_descendants()
    {
        using var child = ChildProcess.Start(PrinterUnderParent);
        await child.WaitForLinesAsync(1);
        var descendants = child.Descendants();
        Assert.NotEmpty(descendants);
        var faults = new SignalProcessFaults(child.ResolveAsync);

        var result = await faults.KillAsync("child");

        Assert.Equal(child.Pid, result.Pids[0]);
        Assert.Superset(descendants.ToHashSet(), result.Pids.ToHashSet());
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(5)));
        Assert.All(descendants, pid => Assert.False(ProcessTable.IsAlive(pid)));
    }

    [Fact]
    public async Task Kill_leaves_no_child_of_a_process_that_forks_all_the_time()
    {
        // A parent forking without pause, as a postmaster under connection load does: a child forked between a walk of
        // the tree and the parent's SIGKILL must not outlive it. Each child is marked with this test's own argument.
        var marker = "sim-kill-" + Guid.NewGuid().ToString("N")[..12];
        using var child = ChildProcess.Start($"echo x; for i in $(seq 1 3000); do bash -c 'sleep 20; :' {marker} & done; wait");
        await child.WaitForLinesAsync(1);
        await Task.Delay(200);
        var faults = new SignalProcessFaults(child.ResolveAsync);

        await faults.KillAsync("child");

        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(5)));
        await Task.Delay(300);
        Assert.Empty(Marked(marker));
    }

    [Fact]
    public async Task Pause_stops_the_output_and_resume_restarts_it()
    {
        using var child = ChildProcess.Start(Printer);
        await child.WaitForLinesAsync(2);
        var faults = new SignalProcessFaults(child.ResolveAsync);

        var paused = await faults.PauseAsync("child");

        Assert.Contains(child.Pid, paused.Pids);
        Assert.True(ProcessTable.Read(child.Pid)!.Value.IsStopped);
        Assert.Equal(["child"], faults.Paused);
        await Task.Delay(Settle);
        var before = child.Lines;
        await Task.Delay(Silence);
        Assert.Equal(before, child.Lines);

        await faults.ResumeAsync("child");

        Assert.False(ProcessTable.Read(child.Pid)!.Value.IsStopped);
        Assert.Empty(faults.Paused);
        await child.WaitForLinesAsync(before + 2);
    }

    [Fact]
    public async Task Pausing_the_process_tree_stops_its_children_and_pausing_the_process_alone_does_not()
    {
        using var child = ChildProcess.Start(PrinterUnderParent);
        await child.WaitForLinesAsync(1);
        var loop = Assert.Single(child.Descendants(), pid => ProcessTable.Read(pid)?.ParentPid == child.Pid);

        var alone = new SignalProcessFaults(child.ResolveAsync, options: new ProcessFaultOptions { Scope = SignalScope.Process });
        Assert.Equal([child.Pid], (await alone.PauseAsync("child")).Pids);
        var lines = child.Lines;
        await child.WaitForLinesAsync(lines + 3);     // the loop, a child, goes on printing
        await alone.ResumeAsync("child");

        var tree = new SignalProcessFaults(child.ResolveAsync);
        var paused = await tree.PauseAsync("child");
        Assert.Contains(loop, paused.Pids);
        Assert.True(ProcessTable.Read(loop)!.Value.IsStopped);
        await Task.Delay(Settle);
        lines = child.Lines;
        await Task.Delay(Silence);
        Assert.Equal(lines, child.Lines);

        var resumed = await tree.ResumeAsync("child");
        Assert.Superset(paused.Pids.ToHashSet(), resumed.Pids.ToHashSet());
        await child.WaitForLinesAsync(lines + 2);
    }

    [Fact]
    public async Task Stop_ends_a_process_that_honours_SIGTERM_without_escalating()
    {
        using var child = ChildProcess.Start("exec sleep 60");
        await ChildProcess.WaitUntilAsync(() => File.ReadAllText($"/proc/{child.Pid}/comm").Trim() == "sleep", "bash exec'd sleep");
        var faults = new SignalProcessFaults(child.ResolveAsync, options: new ProcessFaultOptions { StopTimeout = TimeSpan.FromSeconds(10) });

        var result = await faults.StopAsync("child");

        Assert.False(result.Escalated);
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Stop_ends_a_paused_process_without_escalating()
    {
        using var child = ChildProcess.Start("exec sleep 60");
        await ChildProcess.WaitUntilAsync(() => File.ReadAllText($"/proc/{child.Pid}/comm").Trim() == "sleep", "bash exec'd sleep");
        var faults = new SignalProcessFaults(child.ResolveAsync, options: new ProcessFaultOptions { StopTimeout = TimeSpan.FromSeconds(10) });
        await faults.PauseAsync("child");

        var result = await faults.StopAsync("child");

        Assert.False(result.Escalated);
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(5)));
        Assert.Empty(faults.Paused);
    }

    [Fact]
    public async Task Stop_escalates_to_SIGKILL_when_SIGTERM_is_ignored()
    {
        using var child = ChildProcess.Start("trap '' TERM; echo ready; while true; do sleep 0.1; done");
        await child.WaitForLinesAsync(1);
        var faults = new SignalProcessFaults(child.ResolveAsync, options: new ProcessFaultOptions { StopTimeout = TimeSpan.FromMilliseconds(500) });

        var result = await faults.StopAsync("child");

        Assert.True(result.Escalated);
        Assert.Contains("escalated to SIGKILL", result.ToString(), StringComparison.Ordinal);
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Start_goes_through_the_callback_and_fails_without_one()
    {
        var started = new List<string>();
        var faults = new SignalProcessFaults((_, _) => Task.FromResult<IReadOnlyList<int>>([]), (name, _) =>
        {
            started.Add(name);
            return Task.CompletedTask;
        });

        var result = await faults.StartAsync("pg-eu-1");

        Assert.Equal(["pg-eu-1"], started);
        Assert.Equal("start", result.Action);
        await Assert.ThrowsAsync<NotSupportedException>(() => new SignalProcessFaults((_, _) => Task.FromResult<IReadOnlyList<int>>([])).StartAsync("pg-eu-1"));
    }

    [Fact]
    public async Task A_resource_without_a_live_process_or_unknown_to_the_resolver_fails()
    {
        using var child = ChildProcess.Start("exit 0");
        Assert.True(child.WaitForExit(TimeSpan.FromSeconds(5)));
        var faults = new SignalProcessFaults(child.ResolveAsync);

        var gone = await Assert.ThrowsAsync<InvalidOperationException>(() => faults.KillAsync("child"));
        Assert.Contains("no running process", gone.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => faults.PauseAsync("nobody"));
        var none = new SignalProcessFaults((_, _) => Task.FromResult<IReadOnlyList<int>>([]));
        await Assert.ThrowsAsync<InvalidOperationException>(() => none.StopAsync("child"));
    }

    [Fact]
    public async Task Process_group_scope_refuses_to_signal_the_callers_own_group()
    {
        using var child = ChildProcess.Start("exec sleep 60");
        var faults = new SignalProcessFaults(child.ResolveAsync, options: new ProcessFaultOptions { Scope = SignalScope.ProcessGroup });

        // Started without setsid, the child shares the test host's process group.
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => faults.PauseAsync("child"));
        Assert.Contains("own", refused.Message, StringComparison.Ordinal);
        Assert.False(ProcessTable.Read(child.Pid)!.Value.IsStopped);
    }

    [Fact]
    public void Reads_the_process_table_entry_even_when_the_command_holds_parentheses_and_spaces()
    {
        var entry = ProcessTable.Parse(42, "42 (postgres: wal (sender)) S 7 42 42 0 -1 4194560 57 0 0 0");

        Assert.Equal(new ProcessTable.Entry(42, 'S', 7, 42), entry);
        Assert.Null(ProcessTable.Parse(42, "garbage"));
    }

    /// <summary>Live processes whose command line carries <paramref name="marker"/>.</summary>
    private static List<int> Marked(string marker)
    {
        var found = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || !ProcessTable.IsAlive(pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(directory, "cmdline")).Contains(marker, StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
        }

        return found;
    }
}
