using System.Globalization;

namespace Simulator.AppHost.Native;

/// <summary>
/// The scratch folder of one run (data directories, generated configs, sockets). It lives under
/// <c>/tmp/simulator</c> so the unprivileged <c>postgres</c> user can reach it, and is removed at teardown.
/// </summary>
public sealed class RunDirectory : IDisposable
{
    /// <summary>Folder that holds every run's scratch folder.</summary>
    public static string Root { get; } = Path.Combine(Path.GetTempPath(), "simulator");

    private RunDirectory(string id, string folder)
    {
        Id = id;
        Folder = folder;
    }

    /// <summary>Short identifier of the run, also used in generated names.</summary>
    public string Id { get; }

    /// <summary>Absolute path of the run's folder.</summary>
    public string Folder { get; }

    /// <summary>Creates a fresh run folder, handing it to the database user when running as root.</summary>
    public static RunDirectory Create(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        Directory.CreateDirectory(Root);
        var id = time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + Environment.ProcessId;
        var path = Path.Combine(Root, id);
        Directory.CreateDirectory(path);
        NativeUser.HandToDatabaseUser(path);
        return new RunDirectory(id, path);
    }

    /// <summary>The PID of the simulator that owns a run folder (its name ends with it), or null.</summary>
    public static int? OwnerProcessId(string folder)
    {
        var name = Path.GetFileName(folder);
        var dash = name.LastIndexOf('-');
        return dash >= 0 && int.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? pid
            : null;
    }

    /// <summary>A path inside the run folder.</summary>
    public string PathOf(string relative) => Path.Combine(Folder, relative);

    /// <summary>Writes a file readable only by its owner (passwords), owned by the database user.</summary>
    public string WriteSecret(string relative, string content)
    {
        var file = PathOf(relative);
        File.WriteAllText(file, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        NativeUser.HandToDatabaseUser(file);
        return file;
    }

    /// <summary>Removes the run folder and everything in it.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
