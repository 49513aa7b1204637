using System.Globalization;

namespace Simulator.Chaos.Processes;

/// <summary>Reads the kernel's process table from <c>/proc/&lt;pid&gt;/stat</c> (Linux).</summary>
internal static class ProcessTable
{
    /// <summary>One process: its state letter (R, S, D, T, t, Z, X, ...), parent and process group.</summary>
    public readonly record struct Entry(int Pid, char State, int ParentPid, int ProcessGroup)
    {
        public bool IsAlive => State is not ('Z' or 'X' or 'x');

        /// <summary>Stopped by a signal (or by a tracer).</summary>
        public bool IsStopped => State is 'T' or 't';
    }

    /// <summary>The process, or null when it does not exist.</summary>
    public static Entry? Read(int pid)
    {
        try
        {
            return Parse(pid, File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat"));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether the process exists and has not exited (a zombie counts as exited).</summary>
    public static bool IsAlive(int pid) => Read(pid) is { IsAlive: true };

    /// <summary>Every process now.</summary>
    public static List<Entry> Snapshot()
    {
        var entries = new List<Entry>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            var name = Path.GetFileName(directory.AsSpan());
            if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>The live descendants of <paramref name="roots"/> (children, grandchildren, ...), parents before children.</summary>
    public static List<int> Descendants(IEnumerable<int> roots)
    {
        var children = Snapshot().Where(e => e.IsAlive).ToLookup(e => e.ParentPid, e => e.Pid);
        var seen = new HashSet<int>(roots);
        var result = new List<int>();
        var queue = new Queue<int>(seen);
        while (queue.TryDequeue(out var pid))
        {
            foreach (var child in children[pid])
            {
                if (seen.Add(child))
                {
                    result.Add(child);
                    queue.Enqueue(child);
                }
            }
        }

        return result;
    }

    /// <summary>The live members of a process group.</summary>
    public static List<int> GroupMembers(int processGroup) =>
        [.. Snapshot().Where(e => e.IsAlive && e.ProcessGroup == processGroup).Select(e => e.Pid)];

    /// <summary>Parses <c>pid (comm) state ppid pgrp ...</c>; the command may hold spaces and parentheses.</summary>
    internal static Entry? Parse(int pid, string stat)
    {
        var close = stat.LastIndexOf(')');
        if (close < 0 || close + 2 >= stat.Length)
        {
            return null;
        }

        var fields = stat[(close + 2)..].Split(' ', 4);
        if (fields.Length < 3
            || fields[0].Length != 1
            || !int.TryParse(fields[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parent)
            || !int.TryParse(fields[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var group))
        {
            return null;
        }

        return new Entry(pid, fields[0][0], parent, group);
    }
}
