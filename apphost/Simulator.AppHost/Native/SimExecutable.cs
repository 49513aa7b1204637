namespace Simulator.AppHost.Native;

/// <summary>
/// Runs this AppHost's own CLI (<c>sim &lt;verb&gt;</c>) as a process of its own, for the parts of a topology the
/// simulator provides itself (the fault proxy): they then get their own CPU time and thread pool instead of
/// sharing the AppHost's with the load.
/// </summary>
public static class SimExecutable
{
    /// <summary>
    /// The command and leading arguments that run <c>sim</c>: the native launcher next to <c>sim.dll</c> when the
    /// build made one, else <c>dotnet exec sim.dll</c>. Works from the AppHost's build output and from a test
    /// project's output, which holds a copy of both.
    /// </summary>
    public static (string Command, IReadOnlyList<string> Args) Resolve()
    {
        var dll = typeof(SimExecutable).Assembly.Location;
        var folder = Path.GetDirectoryName(dll) ?? AppContext.BaseDirectory;
        var launcher = Path.Combine(folder, Path.GetFileNameWithoutExtension(dll));
        if (File.Exists(launcher))
        {
            return (launcher, []);
        }

        var host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        return (host, ["exec", dll]);
    }
}
