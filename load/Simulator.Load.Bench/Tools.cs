namespace Simulator.Load.Bench;

/// <summary>Finds the external programs the benchmark runs.</summary>
internal static class Tools
{
    /// <summary>The first of <paramref name="preferred"/> that exists, else <paramref name="name"/> on the PATH; null when neither.</summary>
    public static string? Find(string name, params string[] preferred)
    {
        foreach (string path in preferred)
        {
            if (File.Exists(path))
            {
                return path;
            }
        }

        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
