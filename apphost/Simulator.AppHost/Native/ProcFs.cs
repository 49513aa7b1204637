using System.Globalization;

namespace Simulator.AppHost.Native;

/// <summary>
/// What Linux's <c>/proc</c> tells about a process: when it started (which, with its PID, names it for good — a PID is
/// reused, the pair is not) and its parent.
/// </summary>
public static class ProcFs
{
    /// <summary>The process's start time, in clock ticks since boot (<c>/proc/PID/stat</c> field 22); null when there is no such process.</summary>
    public static long? StartTime(int pid) => StatField(pid, 22);

    /// <summary>When the process started on the wall clock (boot time plus its start time, in USER_HZ = 100 ticks a second); null when there is no such process.</summary>
    public static DateTimeOffset? StartedAt(int pid)
    {
        if (StartTime(pid) is not { } ticks)
        {
            return null;
        }

        var boot = File.ReadLines("/proc/stat").First(l => l.StartsWith("btime ", StringComparison.Ordinal))["btime ".Length..];
        return DateTimeOffset.FromUnixTimeSeconds(long.Parse(boot, CultureInfo.InvariantCulture)).AddSeconds(ticks / 100.0);
    }

    /// <summary>The process's parent PID (field 4); null when there is no such process.</summary>
    public static int? ParentId(int pid) => StatField(pid, 4) is { } parent ? (int)parent : null;

    /// <summary>Every live process's parent, by PID: one pass over <c>/proc</c>.</summary>
    public static IReadOnlyDictionary<int, int> Parents()
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ParentId(pid) is { } parent)
            {
                parents[pid] = parent;
            }
        }

        return parents;
    }

    /// <summary>Every process in <paramref name="parents"/> descending from <paramref name="root"/> (children, their children, ...).</summary>
    public static IReadOnlyList<int> Descendants(int root, IReadOnlyDictionary<int, int> parents)
    {
        ArgumentNullException.ThrowIfNull(parents);
        var childrenOf = parents.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList());
        var found = new List<int>();
        var pending = new Queue<int>([root]);
        while (pending.TryDequeue(out var pid))
        {
            foreach (var child in childrenOf.GetValueOrDefault(pid) ?? [])
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    private static long? StatField(int pid, int field)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: fields are counted after its last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.TryParse(fields[field - 3], NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
