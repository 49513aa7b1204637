using System.Globalization;
using System.Net.Sockets;

namespace Simulator.Chaos;

/// <summary>
/// Runs a <see cref="ToxiproxyServer"/> as a standalone process would, with <c>toxiproxy-server</c>'s flags:
/// <c>--host 127.0.0.1 --port 8474 [--config proxies.json]</c> (single dashes and <c>--flag=value</c> work too).
/// This is what <c>sim toxiproxy-server</c> calls.
/// </summary>
public static class ToxiproxyServerHost
{
    /// <summary>Exit code: stopped normally.</summary>
    public const int ExitOk = 0;

    /// <summary>Exit code: invalid arguments or configuration file.</summary>
    public const int ExitInvalidInput = 2;

    /// <summary>Exit code: the server could not be set up (e.g. the port is taken).</summary>
    public const int ExitEnvironment = 3;

    /// <summary>
    /// Parses <paramref name="args"/>, starts the server, populates it from <c>--config</c> if given, and runs
    /// until <paramref name="cancellationToken"/> is cancelled. Writes to the console. This is the entry of a process
    /// that is only the proxy, so it first turns on <see cref="InlineSocketCompletions"/> for the process (unless
    /// <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> is set already): more than twice the throughput on
    /// request/response traffic. Call it before the process uses any socket.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="cancellationToken">Stops the server (e.g. on Ctrl+C).</param>
    /// <returns>The exit code: 0, 2 for invalid input, 3 if the server could not start.</returns>
    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        InlineSocketCompletions.TryEnable();
        return RunAsync(args, Console.Out, Console.Error, cancellationToken);
    }

    /// <summary>
    /// Like <see cref="RunAsync(string[], CancellationToken)"/>, writing to the given writers. Once listening it
    /// writes a line <c>toxiproxy API listening on http://HOST:PORT/</c> with the real port.
    /// </summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="output">Where progress goes.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="cancellationToken">Stops the server.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        if (!TryParse(args, out var options, out var configPath, out var problem))
        {
            if (problem is null)
            {
                await output.WriteLineAsync(Usage);
                return ExitOk;
            }

            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return ExitInvalidInput;
        }

        string? config = null;
        if (configPath is not null)
        {
            try
            {
                config = await File.ReadAllTextAsync(configPath, cancellationToken);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                await error.WriteLineAsync($"error: cannot read config file {configPath}: {ex.Message}");
                return ExitInvalidInput;
            }
        }

        ToxiproxyServer server;
        try
        {
            server = await ToxiproxyServer.StartAsync(options, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ArgumentException)
        {
            await error.WriteLineAsync(
                $"error: cannot listen on {options.Host}:{options.Port.ToString(CultureInfo.InvariantCulture)}: {ex.Message}. " +
                "Free the port or pass another with --port (0 picks a free one).");
            return ExitEnvironment;
        }

        await using (server)
        {
            if (config is not null)
            {
                try
                {
                    var proxies = server.Populate(config);
                    await output.WriteLineAsync($"populated {proxies.Count} proxies from {configPath}");
                }
                catch (ToxiproxyException ex)
                {
                    await error.WriteLineAsync($"error: config file {configPath}: {ex.Message}");
                    return (int)ex.StatusCode >= 500 ? ExitEnvironment : ExitInvalidInput;
                }
            }

            await output.WriteLineAsync($"toxiproxy API listening on {server.BaseAddress}");
            await output.FlushAsync(cancellationToken);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Asked to stop.
            }
        }

        await output.WriteLineAsync("toxiproxy API stopped");
        return ExitOk;
    }

    private const string Usage =
        "usage: toxiproxy-server [--host 127.0.0.1] [--port 8474] [--config proxies.json]\n" +
        "  --host    address for the API to listen on (default 127.0.0.1)\n" +
        "  --port    port for the API (default 8474; 0 picks a free port)\n" +
        "  --config  JSON array of proxies {name, listen, upstream, enabled} to create at start";

    /// <summary>Parses the flags; false with a null problem means help was asked for.</summary>
    private static bool TryParse(string[] args, out ToxiproxyServerOptions options, out string? configPath, out string? problem)
    {
        options = new ToxiproxyServerOptions();
        configPath = null;
        problem = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-help")
            {
                return false;
            }

            if (!arg.StartsWith('-'))
            {
                problem = $"error: unexpected argument '{arg}'";
                return false;
            }

            var flag = arg.TrimStart('-');
            string? value = null;
            var equals = flag.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                value = flag[(equals + 1)..];
                flag = flag[..equals];
            }
            else if (i + 1 < args.Length)
            {
                value = args[++i];
            }

            if (value is null)
            {
                problem = $"error: flag '{arg}' needs a value";
                return false;
            }

            switch (flag)
            {
                case "host":
                    options = options with { Host = value };
                    break;
                case "port":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                    {
                        problem = $"error: invalid port '{value}' (0-65535)";
                        return false;
                    }

                    options = options with { Port = port };
                    break;
                case "config":
                    configPath = value;
                    break;
                default:
                    problem = $"error: unknown flag '{arg}'";
                    return false;
            }
        }

        return true;
    }
}
