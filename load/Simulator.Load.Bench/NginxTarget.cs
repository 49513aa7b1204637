using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Simulator.Load.Bench;

/// <summary>
/// A private nginx serving one small static file on 127.0.0.1 and a free port: its own generated configuration,
/// pid, logs and temp paths in a temporary folder, <c>daemon off</c>, one worker. Stopped (gracefully, then killed
/// with its workers) and its folder removed on dispose.
/// </summary>
internal sealed class NginxTarget : IAsyncDisposable
{
    /// <summary>The static file's size, in bytes.</summary>
    public const int FileSize = 612;

    private readonly Process _process;
    private readonly string _folder;
    private readonly string _binary;

    private NginxTarget(Process process, string folder, string binary, Uri url)
    {
        _process = process;
        _folder = folder;
        _binary = binary;
        Url = url;
    }

    /// <summary>The static file's URL.</summary>
    public Uri Url { get; }

    /// <summary>Finds nginx: <c>/usr/sbin/nginx</c>, or on the PATH.</summary>
    /// <returns>Its path, or null when it is not installed.</returns>
    public static string? Find() => Tools.Find("nginx", "/usr/sbin/nginx");

    /// <summary>The configuration written for <paramref name="folder"/> and <paramref name="port"/>.</summary>
    public static string Configuration(string folder, int port) => $$"""
        daemon off;
        worker_processes 1;
        pid {{folder}}/nginx.pid;
        error_log {{folder}}/error.log warn;
        events { worker_connections 4096; }
        http {
            access_log off;
            sendfile on;
            tcp_nopush on;
            keepalive_requests 10000000;
            keepalive_timeout 75s;
            client_body_temp_path {{folder}}/client_body;
            proxy_temp_path {{folder}}/proxy;
            fastcgi_temp_path {{folder}}/fastcgi;
            uwsgi_temp_path {{folder}}/uwsgi;
            scgi_temp_path {{folder}}/scgi;
            default_type text/html;
            server {
                listen 127.0.0.1:{{port}};
                root {{folder}}/html;
            }
        }
        """;

    /// <summary>Starts nginx and waits until it accepts connections.</summary>
    /// <param name="binary">The nginx binary.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running target.</returns>
    /// <exception cref="InvalidOperationException">nginx exited or did not listen within 10 s.</exception>
    public static async Task<NginxTarget> StartAsync(string binary, CancellationToken cancellationToken)
    {
        string folder = Directory.CreateTempSubdirectory("sim-bench-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "html"));

        // nginx's workers drop root for an unprivileged user: they must be able to read the file.
        const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, Readable);
            File.SetUnixFileMode(Path.Combine(folder, "html"), Readable);
        }
        await File.WriteAllTextAsync(Path.Combine(folder, "html", "index.html"), StaticFile(), cancellationToken).ConfigureAwait(false);
        int port = FreePort();
        string config = Path.Combine(folder, "nginx.conf");
        await File.WriteAllTextAsync(config, Configuration(folder, port), cancellationToken).ConfigureAwait(false);

        var start = new ProcessStartInfo(binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-p", folder, "-c", config, "-e", Path.Combine(folder, "error.log") })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {binary}");
        process.OutputDataReceived += static (_, _) => { };
        process.ErrorDataReceived += static (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var target = new NginxTarget(process, folder, binary, new Uri($"http://127.0.0.1:{port}/index.html"));
        try
        {
            await target.WaitUntilListeningAsync(port, cancellationToken).ConfigureAwait(false);
            return target;
        }
        catch
        {
            await target.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await StopGracefullyAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }

            _process.Dispose();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static string StaticFile()
    {
        // A fixed-size page, the size of nginx's default welcome page.
        const string head = "<!DOCTYPE html><html><head><title>sim bench</title></head><body><p>";
        const string tail = "</p></body></html>\n";
        return head + new string('x', FileSize - head.Length - tail.Length) + tail;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {_process.ExitCode}: {ErrorLog()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException($"nginx did not listen on 127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} within 10 s: {ErrorLog()}");
    }

    private string ErrorLog()
    {
        string path = Path.Combine(_folder, "error.log");
        return File.Exists(path) ? File.ReadAllText(path).Trim() : "(no error log)";
    }

    private async Task StopGracefullyAsync()
    {
        var quit = new ProcessStartInfo(_binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string argument in new[] { "-p", _folder, "-c", Path.Combine(_folder, "nginx.conf"), "-e", Path.Combine(_folder, "error.log"), "-s", "quit" })
        {
            quit.ArgumentList.Add(argument);
        }

        using var signal = Process.Start(quit);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (signal is not null)
            {
                await signal.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }

            await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Killed below.
        }
    }
}
