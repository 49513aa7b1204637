using System.Diagnostics.CodeAnalysis;
using System.Security;

namespace Simulator.Scenarios;

/// <summary>Reads a scenario or topology file, turning the ways it can fail into an error that names the file.</summary>
internal static class SourceFile
{
    public static bool TryRead(string path, [NotNullWhen(true)] out string? text, [NotNullWhen(false)] out ScenarioError? error)
    {
        text = null;
        error = null;
        try
        {
            text = File.ReadAllText(path);
            return true;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            error = new ScenarioError(path, 0, 0, string.Empty, "the file does not exist", "check the path");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or SecurityException)
        {
            error = new ScenarioError(path, 0, 0, string.Empty, "the file cannot be read: " + e.Message);
        }

        return false;
    }
}
