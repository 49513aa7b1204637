using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>
/// A throw-away <c>s3rver</c> (npm) on 127.0.0.1 and a free port, storing into a temp directory;
/// killed and removed on dispose. Its credentials are s3rver's defaults.
/// </summary>
public sealed class S3rverServer : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly Process _process;
    private bool _disposed;

    private S3rverServer(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    /// <summary>Where s3rver keeps buckets and objects.</summary>
    public string Directory { get; }

    public string Endpoint => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public static async Task<S3rverServer> StartAsync()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("sim-odoo-s3-").FullName;
        var port = FreePort.Next();
        var start = new ProcessStartInfo("s3rver")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-d", directory, "-a", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("s3rver did not start (npm install -g s3rver)");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new S3rverServer(process, port, directory);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return server;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
