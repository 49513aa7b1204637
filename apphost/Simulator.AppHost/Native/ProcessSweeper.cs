using System.Globalization;

namespace Simulator.AppHost.Native;

/// <summary>
/// Last line of defence against leaked processes: finds processes whose command line names a run
/// folder (every native resource is started with a path inside it) and kills them.
/// </summary>
public static class ProcessSweeper
{
    /// <summary>Live processes (other than this one) whose command line contains <paramref name="marker"/>.</summary>
    public static IReadOnlyList<(int Pid, string CommandLine)> FindProcessesMentioning(string marker)
    {
        ArgumentException.ThrowIfNullOrEmpty(marker);
        var found = new List<(int, string)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId)
            {
                continue;
            }

            string commandLine;
            try
            {
                commandLine = File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (commandLine.Contains(marker, StringComparison.Ordinal))
            {
                found.Add((pid, commandLine));
            }
        }

        return found;
    }

    /// <summary>Kills every process whose command line contains <paramref name="marker"/>; returns their PIDs.</summary>
    public static IReadOnlyList<int> KillProcessesMentioning(string marker) =>
        [.. FindProcessesMentioning(marker).Select(p => p.Pid).Where(TryKill)];

    /// <summary>
    /// Removes run folders left by runs that were killed (their owning process is gone), together
    /// with any process still using them and every process the run recorded starting (<see cref="RecordedProcesses"/>).
    /// Returns the folders removed.
    /// </summary>
    public static IReadOnlyList<string> CleanStaleRuns()
    {
        if (!Directory.Exists(RunDirectory.Root))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var folder in Directory.EnumerateDirectories(RunDirectory.Root))
        {
            var owner = RunDirectory.OwnerProcessId(folder);
            if (owner is { } pid && IsAlive(pid))
            {
                continue;
            }

            RecordedProcesses.KillLeftovers(folder);
            KillProcessesMentioning(folder);
            try
            {
                Directory.Delete(folder, recursive: true);
                removed.Add(folder);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return removed;
    }

    private static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}");

    /// <summary>SIGKILLs the process; false when it is gone already or cannot be killed.</summary>
    internal static bool TryKill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
