using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Simulator.Load.Bench;

/// <summary>Runs <c>wrk</c> and reads its requests per second.</summary>
internal static partial class Wrk
{
    /// <summary>Finds wrk: <c>/usr/bin/wrk</c>, or on the PATH.</summary>
    public static string? Find() => Tools.Find("wrk", "/usr/bin/wrk");

    /// <summary>Runs <c>wrk -t{threads} -c{connections} -d{seconds}s URL</c>; returns its output and requests per second.</summary>
    public static async Task<(double RequestsPerSecond, string Output)> RunAsync(
        string binary, Uri url, int threads, int connections, TimeSpan duration, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[]
        {
            "-t" + threads.ToString(CultureInfo.InvariantCulture),
            "-c" + connections.ToString(CultureInfo.InvariantCulture),
            "-d" + Math.Max(1, (int)Math.Round(duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s",
            url.AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        string output = await stdout.ConfigureAwait(false) + await stderr.ConfigureAwait(false);
        return (ParseRequestsPerSecond(output), output);
    }

    /// <summary>Reads <c>Non-2xx or 3xx responses: N</c> from wrk's output; 0 when absent.</summary>
    public static long ParseNon2xx(string output)
    {
        var match = Non2xx().Match(output);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>Reads <c>Requests/sec: 12345.67</c> from wrk's output.</summary>
    /// <exception cref="InvalidOperationException">The output holds no such line.</exception>
    public static double ParseRequestsPerSecond(string output)
    {
        var match = RequestsPerSecond().Match(output);
        return match.Success
            ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("wrk printed no Requests/sec line:\n" + output);
    }

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+([0-9]+)")]
    private static partial Regex Non2xx();

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();
}
