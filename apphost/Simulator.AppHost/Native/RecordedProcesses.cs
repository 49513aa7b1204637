using System.Globalization;

namespace Simulator.AppHost.Native;

/// <summary>
/// The processes a run started, kept in its run folder (<see cref="FileName"/>: one <c>PID START-TIME NAME</c> a line)
/// so the next start can kill what a run killed outright left behind — Redis or an emulator whose command line names
/// no run folder, out of reach of <see cref="ProcessSweeper.KillProcessesMentioning"/>. A process is killed only if
/// its PID still has the recorded start time: a PID the system has since given to another process is left alone.
/// </summary>
public static class RecordedProcesses
{
    /// <summary>The file in the run folder.</summary>
    public const string FileName = "processes";

    /// <summary>Appends <paramref name="entries"/> to the run folder's list.</summary>
    public static void Record(string runFolder, IEnumerable<RecordedProcess> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lines = entries.Select(e => string.Create(CultureInfo.InvariantCulture, $"{e.Pid} {e.StartTime} {e.Name}")).ToList();
        if (lines.Count > 0)
        {
            File.AppendAllLines(Path.Combine(runFolder, FileName), lines);
        }
    }

    /// <summary>The processes recorded in the run folder; none when it has no list. Lines that do not parse are skipped.</summary>
    public static IReadOnlyList<RecordedProcess> Read(string runFolder)
    {
        var file = Path.Combine(runFolder, FileName);
        if (!File.Exists(file))
        {
            return [];
        }

        var entries = new List<RecordedProcess>();
        foreach (var line in File.ReadLines(file))
        {
            var parts = line.Split(' ', 3);
            if (parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
            {
                entries.Add(new RecordedProcess(pid, start, parts[2]));
            }
        }

        return entries;
    }

    /// <summary>SIGKILLs every recorded process still running with its recorded start time; returns those killed.</summary>
    public static IReadOnlyList<RecordedProcess> KillLeftovers(string runFolder) =>
        [.. Read(runFolder).Where(e => e.Pid != Environment.ProcessId && ProcFs.StartTime(e.Pid) == e.StartTime && ProcessSweeper.TryKill(e.Pid))];
}
