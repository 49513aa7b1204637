using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>
/// A throw-away PostgreSQL 15 cluster: initdb'd into a temp directory owned by the
/// <c>postgres</c> user (PostgreSQL refuses to run as root), listening on 127.0.0.1 only with its
/// socket inside that directory, and removed with everything in it on dispose. Clusters left
/// behind by a test process that died are reaped on the next start.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";
    private const string DirPrefix = "sim-odoo-pg-";
    private const string OwnerFile = "owner.pid";
    private const int FirstPort = 41000;
    private const int PortCount = 100;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);
    private static readonly bool IsRoot = Environment.UserName == "root";

    private readonly string _root;
    private bool _disposed;

    private PostgresServer(string root, int port)
    {
        _root = root;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    private string DataDir => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "postgres.log");

    /// <summary>Creates and starts a cluster on a free port in 41000-41099.</summary>
    public static Task<PostgresServer> StartAsync() =>
        CreateAsync(root => RunAsPostgresCheckedAsync(
            "initdb", ["-D", Path.Combine(root, "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]));

    /// <summary>
    /// A hot standby of <paramref name="primary"/>: a base backup streaming from it
    /// (<c>pg_basebackup -R</c>), started on its own free port; <see cref="PromoteAsync"/> makes it the primary.
    /// </summary>
    public static Task<PostgresServer> StartStandbyAsync(PostgresServer primary)
    {
        ArgumentNullException.ThrowIfNull(primary);
        return CreateAsync(root => RunAsPostgresCheckedAsync("pg_basebackup",
        [
            "-h", "127.0.0.1", "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres",
            "-D", Path.Combine(root, "data"), "-R", "-X", "stream", "-c", "fast", "--no-sync",
        ]));
    }

    /// <summary>Promotes a standby to primary and waits until it accepts writes.</summary>
    public Task PromoteAsync() => RunAsPostgresCheckedAsync("pg_ctl", ["-D", DataDir, "-w", "-t", "30", "promote"]);

    private static async Task<PostgresServer> CreateAsync(Func<string, Task> createDataDirectory)
    {
        await ReapOrphansAsync();
        var root = Directory.CreateTempSubdirectory(DirPrefix).FullName;
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        try
        {
            if (IsRoot)
            {
                await ProcessRunner.RunCheckedAsync("chown", ["-R", "postgres:postgres", root], CommandTimeout);
            }

            await createDataDirectory(root);
            var offset = Random.Shared.Next(PortCount);
            for (var i = 0; i < PortCount; i++)
            {
                var port = FirstPort + (offset + i) % PortCount;
                if (!IsPortFree(port))
                {
                    continue;
                }

                var server = new PostgresServer(root, port);
                if (await server.TryStartAsync())
                {
                    return server;
                }

                AppDomain.CurrentDomain.ProcessExit -= server.OnProcessExit;
            }

            throw new InvalidOperationException("No free port for PostgreSQL in 41000-41099");
        }
        catch
        {
            await StopClusterAsync(Path.Combine(root, "data"), "immediate");
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// A connection string for <paramref name="database"/> as the superuser. It names this cluster in
    /// <c>ApplicationName</c> so that Npgsql's pool, keyed by the whole string, never hands out a connection
    /// to an earlier, since disposed cluster that happened to use the same port (a stale socket that fails
    /// with "Exception while reading from stream").
    /// </summary>
    public string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = Port,
            Username = "postgres",
            Database = database,
            Timeout = 5,
            ApplicationName = Path.GetFileName(_root),
        }.ConnectionString;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Stops the server as an outage would (fast shutdown: sessions are terminated).</summary>
    public Task StopAsync() => RunAsPostgresCheckedAsync("pg_ctl", ["-D", DataDir, "-m", "fast", "-w", "stop"]);

    /// <summary>Starts the stopped server again on the same port.</summary>
    public async Task RestartAsync()
    {
        if (!await TryStartAsync())
        {
            throw new InvalidOperationException($"PostgreSQL did not come back on port {Port}:\n{ReadLog()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        await StopClusterAsync(DataDir, "immediate");
        Directory.Delete(_root, recursive: true);
    }

    private async Task<bool> TryStartAsync()
    {
        var options = string.Join(' ',
            $"-p {Port.ToString(CultureInfo.InvariantCulture)}",
            "-c listen_addresses=127.0.0.1",
            $"-c unix_socket_directories={_root}",
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "-c max_connections=200");
        var (exitCode, _) = await RunAsPostgresAsync("pg_ctl", ["-D", DataDir, "-l", LogFile, "-o", options, "-w", "-t", "30", "start"]);
        return exitCode == 0;
    }

    private string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log)";

    private void OnProcessExit(object? sender, EventArgs e) => StopClusterAsync(DataDir, "immediate").GetAwaiter().GetResult();

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task StopClusterAsync(string dataDir, string mode)
    {
        if (File.Exists(Path.Combine(dataDir, "postmaster.pid")))
        {
            await RunAsPostgresAsync("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "30", "stop"]);
        }
    }

    /// <summary>Stops and removes clusters whose owning test process no longer exists.</summary>
    private static async Task ReapOrphansAsync()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), DirPrefix + "*"))
        {
            var ownerFile = Path.Combine(dir, OwnerFile);
            if (!File.Exists(ownerFile)
                || !int.TryParse(await File.ReadAllTextAsync(ownerFile), CultureInfo.InvariantCulture, out var owner)
                || Directory.Exists($"/proc/{owner}"))
            {
                continue;
            }

            await StopClusterAsync(Path.Combine(dir, "data"), "immediate");
            Directory.Delete(dir, recursive: true);
        }
    }

    private static Task<(int ExitCode, string Output)> RunAsPostgresAsync(string tool, IEnumerable<string> arguments) =>
        IsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(BinDir, tool), .. arguments], CommandTimeout)
            : ProcessRunner.RunAsync(Path.Combine(BinDir, tool), arguments, CommandTimeout);

    private static async Task RunAsPostgresCheckedAsync(string tool, IEnumerable<string> arguments)
    {
        var list = arguments.ToList();
        var (exitCode, output) = await RunAsPostgresAsync(tool, list);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', list)} exited with {exitCode}:\n{output}");
        }
    }
}
