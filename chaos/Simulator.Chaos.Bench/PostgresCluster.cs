using System.Diagnostics;

namespace Simulator.Chaos.Bench;

/// <summary>
/// A throw-away PostgreSQL cluster in a temporary directory, on 127.0.0.1 and a free port, tuned for CPU-bound
/// benchmarking (no fsync). As root it runs as the <c>postgres</c> user (PostgreSQL refuses root), through
/// <c>setpriv</c>, which execs rather than forks, so the process this class holds is the postmaster itself.
/// Disposing stops it (fast shutdown, then SIGKILL) and deletes the directory.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(3);

    private static readonly string[] RequiredTools = ["initdb", "postgres", "pgbench", "pg_ctl", "pg_isready"];

    private readonly string _directory;
    private readonly string _binDirectory;
    private Process? _postmaster;

    private PostgresCluster(string directory, string binDirectory)
    {
        _directory = directory;
        _binDirectory = binDirectory;
    }

    public int Port { get; private set; }

    public string Version { get; private set; } = "";

    public string DataDirectory => Path.Combine(_directory, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>The newest Debian PostgreSQL bin directory with initdb, postgres and pgbench, or null.</summary>
    public static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => RequiredTools.All(tool => File.Exists(Path.Combine(d, tool))))
            .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    public static async Task<PostgresCluster> StartAsync(string binDirectory, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("sim-bench-pg-").FullName;
        var cluster = new PostgresCluster(directory, binDirectory);
        try
        {
            await cluster.StartCoreAsync(cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public string Tool(string name) => Path.Combine(_binDirectory, name);

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        if (IsRoot)
        {
            await CheckAsync(ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", _directory], null, CommandTimeout, cancellationToken), "chown");
        }

        Version = (await CheckAsync(ProcessRunner.RunAsync(Tool("postgres"), ["--version"], null, CommandTimeout, cancellationToken), "postgres --version")).Output.Trim();
        var (file, args) = AsPostgres(Tool("initdb"), ["-D", DataDirectory, "-U", "postgres", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
        await CheckAsync(ProcessRunner.RunAsync(file, args, _directory, CommandTimeout, cancellationToken), "initdb");

        Port = LoopbackPorts.Free();
        (file, args) = AsPostgres(Tool("postgres"),
        [
            "-D", DataDirectory, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + _directory,
            "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            "-c", "shared_buffers=128MB", "-c", "max_connections=40", "-c", "logging_collector=off",
        ]);
        var info = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = _directory };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        _postmaster = Process.Start(info) ?? throw new InvalidOperationException("postgres did not start");
        _postmaster.ErrorDataReceived += (_, _) => { };
        _postmaster.OutputDataReceived += (_, _) => { };
        _postmaster.BeginErrorReadLine();
        _postmaster.BeginOutputReadLine();

        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_postmaster.HasExited)
            {
                throw new InvalidOperationException($"postgres exited at start with code {_postmaster.ExitCode}");
            }

            var ready = await ProcessRunner.RunAsync(Tool("pg_isready"), ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-t", "1"], null, CommandTimeout, cancellationToken);
            if (ready.ExitCode == 0)
            {
                return;
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(60))
            {
                throw new TimeoutException("postgres did not accept connections within 60 s");
            }

            await Task.Delay(200, cancellationToken);
        }
    }

    private static (string File, string[] Args) AsPostgres(string file, string[] args) =>
        IsRoot ? ("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", file, .. args]) : (file, args);

    private static async Task<ProcessRunner.Result> CheckAsync(Task<ProcessRunner.Result> run, string what)
    {
        var result = await run;
        return result.ExitCode == 0
            ? result
            : throw new InvalidOperationException($"{what} failed with exit code {result.ExitCode}: {result.Error.Trim()}");
    }

    public async ValueTask DisposeAsync()
    {
        if (_postmaster is { HasExited: false } postmaster)
        {
            try
            {
                var (file, args) = AsPostgres(Tool("pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "20"]);
                await ProcessRunner.RunAsync(file, args, _directory, TimeSpan.FromSeconds(30), CancellationToken.None);
            }
            catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
            {
                // Killed below.
            }

            if (!postmaster.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                postmaster.Kill(entireProcessTree: true);
                postmaster.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }

        _postmaster?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is not worth failing the benchmark for.
        }
    }
}
