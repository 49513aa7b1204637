using System.Text;

namespace Simulator.Load.Reports;

/// <summary>Writes rendered report files (UTF-8, no byte-order mark) into one folder, creating it when needed.</summary>
internal static class ReportFiles
{
    public static async Task<IReadOnlyList<string>> WriteAllAsync(
        string directory, IReadOnlyList<(string Name, string Text)> files, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var utf8 = new UTF8Encoding(false);
        var paths = new List<string>();
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, text, utf8, cancellationToken);
            paths.Add(path);
        }

        return paths;
    }
}
