using System.Text.RegularExpressions;

namespace Simulator.AppHost.Run;

/// <summary>
/// How to fix a resource that could not start, read from its own last log lines: a port already taken, a program or
/// package missing, a permission refused. Null when the lines do not say.
/// </summary>
public static partial class StartFailureAdvice
{
    /// <summary>The advice for a resource whose log ends with <paramref name="tail"/>; null when nothing is recognised.</summary>
    public static string? For(IReadOnlyList<string> tail)
    {
        ArgumentNullException.ThrowIfNull(tail);
        var text = string.Join('\n', tail);
        if (text.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
            || text.Contains("EADDRINUSE", StringComparison.Ordinal))
        {
            var port = PortPattern().Match(text) is { Success: true } m ? m.Groups["port"].Value : null;
            return port is null
                ? "A port it needs is taken by another process. Find it with `ss -ltnp` and stop it, then start again."
                : $"Port {port} is taken by another process. Find it with `ss -ltnp 'sport = :{port}'` and stop it, then start again.";
        }

        if (text.Contains("Cannot assign requested address", StringComparison.OrdinalIgnoreCase))
        {
            return "It was told to listen on an address this machine does not have; everything should listen on 127.0.0.1.";
        }

        if (text.Contains("Permission denied", StringComparison.OrdinalIgnoreCase)
            || text.Contains("Operation not permitted", StringComparison.OrdinalIgnoreCase))
        {
            return "It was refused a permission. Run `sim` as root (it starts PostgreSQL and Patroni as the `postgres` user) " +
                "or as a user who can write /tmp/simulator and run the Debian packages' programs.";
        }

        if (text.Contains("executable file not found", StringComparison.OrdinalIgnoreCase)
            || text.Contains("No such file or directory", StringComparison.OrdinalIgnoreCase)
            || text.Contains("command not found", StringComparison.OrdinalIgnoreCase))
        {
            return "A program it needs is missing. Run `./sim` once as root to install the Debian and npm packages "
                + "(postgresql, redis-server, haproxy, etcd-server, patroni, s3rver), or install them yourself.";
        }

        return null;
    }

    [GeneratedRegex(@"(?:127\.0\.0\.1|0\.0\.0\.0|\[::\]|\*|port)[: ](?<port>\d{2,5})", RegexOptions.IgnoreCase)]
    private static partial Regex PortPattern();
}
