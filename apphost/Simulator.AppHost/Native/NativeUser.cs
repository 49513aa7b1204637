using System.Diagnostics;

namespace Simulator.AppHost.Native;

/// <summary>
/// PostgreSQL refuses to run as root. When the simulator runs as root (CI, these build machines) its
/// database processes drop to the <c>postgres</c> user; as an ordinary user they run as that user.
/// </summary>
public static class NativeUser
{
    /// <summary>The account PostgreSQL runs as when the simulator is root.</summary>
    public const string DatabaseUser = "postgres";

    /// <summary>True when this process is root and must drop privileges for the database.</summary>
    public static bool IsRoot => Environment.IsPrivilegedProcess;

    /// <summary>
    /// The command and leading arguments that run <paramref name="command"/> as the database user:
    /// <c>setpriv</c> execs in place, so the orchestrator's PID is the program itself.
    /// </summary>
    public static (string Command, IReadOnlyList<string> Args) AsDatabaseUser(string command, params string[] args) =>
        IsRoot
            ? ("setpriv", ["--reuid=" + DatabaseUser, "--regid=" + DatabaseUser, "--init-groups", command, .. args])
            : (command, args);

    /// <summary>Gives a file or folder to the database user when running as root; a no-op otherwise.</summary>
    public static void HandToDatabaseUser(string path)
    {
        if (!IsRoot)
        {
            return;
        }

        using var chown = Process.Start(new ProcessStartInfo("chown", ["-R", DatabaseUser + ":" + DatabaseUser, path])
        {
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("could not start chown");
        chown.WaitForExit();
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"chown {path} failed: {chown.StandardError.ReadToEnd().Trim()}");
        }
    }
}
