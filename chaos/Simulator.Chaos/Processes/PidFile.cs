using System.Globalization;

namespace Simulator.Chaos;

/// <summary>Reads PID files, for the PID resolvers the AppHost gives <see cref="SignalProcessFaults"/>.</summary>
public static class PidFile
{
    /// <summary>
    /// The PID on the first line of a PID file, such as PostgreSQL's <c>&lt;data dir&gt;/postmaster.pid</c> (whose
    /// first line is the postmaster's PID) or a daemon's <c>*.pid</c>.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The PID, or null when the file does not exist (the process is not running).</returns>
    /// <exception cref="FormatException">The first line is not a positive number.</exception>
    public static async Task<int?> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var first = text.AsSpan().TrimStart();
        var end = first.IndexOfAny('\r', '\n');
        var line = (end < 0 ? first : first[..end]).Trim();
        return int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && pid > 0
            ? pid
            : throw new FormatException($"{path} does not start with a PID.");
    }
}
