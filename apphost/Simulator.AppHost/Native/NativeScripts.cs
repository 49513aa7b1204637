namespace Simulator.AppHost.Native;

/// <summary>Locates the launch scripts shipped next to the simulator's binaries.</summary>
public static class NativeScripts
{
    /// <summary>Absolute path of a script in <c>Native/scripts</c> of the build output.</summary>
    public static string PathOf(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Native", "scripts", name);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"launch script {name} is missing from the build output", path);
    }
}
