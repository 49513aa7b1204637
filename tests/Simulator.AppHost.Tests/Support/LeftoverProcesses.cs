using System.Globalization;
using Simulator.AppHost.Native;

namespace Simulator.AppHost.Tests;

/// <summary>What a simulator process left behind: its run folders and processes still using them.</summary>
public static class LeftoverProcesses
{
    /// <summary>Run folders owned by <paramref name="simulatorPid"/> that still exist.</summary>
    public static IReadOnlyList<string> RunFoldersOf(int simulatorPid) =>
        Directory.Exists(RunDirectory.Root)
            ? [.. Directory.EnumerateDirectories(RunDirectory.Root).Where(f => RunDirectory.OwnerProcessId(f) == simulatorPid)]
            : [];

    /// <summary>Command lines of live processes that mention a run folder of <paramref name="simulatorPid"/>.</summary>
    public static IReadOnlyList<string> ProcessesOf(int simulatorPid)
    {
        var marker = string.Create(CultureInfo.InvariantCulture, $"-{simulatorPid}/");
        return [.. ProcessSweeper.FindProcessesMentioning(RunDirectory.Root)
            .Select(p => p.CommandLine)
            .Where(c => c.Contains(marker, StringComparison.Ordinal))];
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the leftovers of <paramref name="simulatorPid"/> to go.</summary>
    public static async Task<(IReadOnlyList<string> Folders, IReadOnlyList<string> Processes)> AfterAsync(int simulatorPid, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var folders = RunFoldersOf(simulatorPid);
            var processes = ProcessesOf(simulatorPid);
            if ((folders.Count == 0 && processes.Count == 0) || DateTime.UtcNow > deadline)
            {
                return (folders, processes);
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Whether the process exists and has not exited (a zombie waiting to be reaped has).</summary>
    public static bool IsAlive(int pid)
    {
        var path = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        try
        {
            var stat = File.ReadAllText(path);
            return stat[(stat.LastIndexOf(')') + 2)..][0] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
