using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Simulator.Chaos.Bench;

/// <summary>
/// HAProxy in TCP mode (its default settings, no splicing) in front of one target: the reference run for the
/// throughput figures. A mature proxy written in C pays the same second loopback hop as ours, so proxy/direct can be
/// read against reference/direct measured in the same rounds: what any user-space proxy costs on this machine, and
/// what is ours alone.
/// </summary>
internal sealed class HaproxyReference : IAsyncDisposable
{
    private const string Binary = "/usr/sbin/haproxy";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(10);
    private readonly Process _process;
    private readonly string _directory;

    private HaproxyReference(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    /// <summary>The port HAProxy listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>Why the reference cannot run here, or null when it can.</summary>
    public static string? Unavailable => File.Exists(Binary) ? null : $"HAProxy is not installed ({Binary}; apt-get install haproxy)";

    /// <summary>Starts HAProxy forwarding 127.0.0.1:(free port) to 127.0.0.1:<paramref name="targetPort"/> and waits until it accepts.</summary>
    public static async Task<HaproxyReference> StartAsync(int targetPort, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("sim-bench-haproxy-").FullName;
        var port = LoopbackPorts.Free();
        var config = Path.Combine(directory, "haproxy.cfg");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            global
              maxconn 1000
            defaults
              mode tcp
              timeout connect 5s
              timeout client 5m
              timeout server 5m
            listen reference
              bind 127.0.0.1:{port}
              server target 127.0.0.1:{targetPort}

            """), cancellationToken);
        var info = new ProcessStartInfo(Binary) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-db", "-f", config })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("haproxy did not start");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var reference = new HaproxyReference(process, directory, port);
        try
        {
            await reference.WaitUntilListeningAsync(cancellationToken);
            return reference;
        }
        catch
        {
            await reference.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"haproxy exited with {_process.ExitCode} before listening on 127.0.0.1:{Port}");
            }

            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(new IPEndPoint(IPAddress.Loopback, Port), cancellationToken);
                return;
            }
            catch (SocketException) when (deadline.Elapsed < StartTimeout)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
