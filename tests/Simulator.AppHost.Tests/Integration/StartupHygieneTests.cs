using Aspire.Hosting.ApplicationModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Simulator.AppHost.Cli;
using Simulator.AppHost.Run;
using Simulator.AppHost.Topology;
using Xunit.Abstractions;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// Start-up and shutdown hygiene: a resource that cannot start fails the start at once with its own words and how to
/// fix it, and a <c>sim up</c> killed outright has its leftovers removed by the next start.
/// </summary>
public sealed class StartupHygieneTests(ITestOutputHelper log)
{
    private static readonly string Sim = Path.Combine(AppContext.BaseDirectory, "sim.dll");

    [Fact]
    public async Task A_resource_whose_port_is_taken_fails_the_start_within_seconds_with_its_log_lines_and_leaves_nothing()
    {
        // A port of this work's own range, held for the whole test: Redis is told to listen there too.
        using var taken = ListenOnFreePort(23500, 23599);
        var port = ((IPEndPoint)taken.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
        var progress = new List<string>();
        var options = new TopologyHostOptions(
            TopologyCatalog.SingleRegionHa,
            Fixtures.TempFolder(),
            Dashboard: false,
            TimeSpan.FromMinutes(3),
            line =>
            {
                lock (progress)
                {
                    progress.Add(line);
                }
            },
            () =>
            {
                var builder = TestingBuilders.Create();
                builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
                {
                    // Later arguments win in redis-server: its --port becomes the taken one.
                    var redis = @event.Model.Resources.Single(r => r.Name == "eu-redis");
                    redis.Annotations.Add(new CommandLineArgsCallbackAnnotation(args =>
                    {
                        args.Add("--port");
                        args.Add(port);
                    }));
                    return Task.CompletedTask;
                });
                return builder;
            });
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var watch = Stopwatch.StartNew();

        var failure = await Assert.ThrowsAsync<EnvironmentSetupException>(() => TopologyHost.StartAsync(options, TimeProvider.System, timeout.Token));

        var elapsed = watch.Elapsed;
        log.WriteLine($"failed after {elapsed.TotalSeconds:0.0} s:\n{failure.Message}\nprogress:\n{string.Join('\n', progress)}");
        // Redis exits at once; nothing waits for the 3-minute timeout (Aspire and the processes take some seconds to start).
        Assert.True(elapsed < TimeSpan.FromSeconds(60), $"the start failed only after {elapsed.TotalSeconds:0} s");
        Assert.StartsWith("eu-redis exited with code", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Address already in use", failure.Message, StringComparison.Ordinal);
        Assert.Contains($"How to fix it: Port {port} is taken", failure.Message, StringComparison.Ordinal);
        Assert.Contains(progress, l => l.Contains("eu-redis", StringComparison.Ordinal) && l.Contains("starting", StringComparison.Ordinal));
        // The rest of the topology was under way too; how far eu-pg-1 got before Redis's exit ended the start is a race
        // (seen "running" in most runs, only "starting" once), so only its start is required.
        Assert.Contains(progress, l => l.Contains("eu-pg-1", StringComparison.Ordinal) && l.Contains("starting", StringComparison.Ordinal));

        var (folders, processes) = await LeftoverProcesses.AfterAsync(Environment.ProcessId, TimeSpan.FromSeconds(10));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    [Fact]
    public async Task A_sim_up_killed_outright_leaves_a_run_folder_the_next_start_removes()
    {
        using var killed = StartUp();
        var killedFolder = "";
        try
        {
            await WaitForLineAsync(killed, "Running. Press Ctrl-C", TimeSpan.FromMinutes(4));
            killedFolder = Assert.Single(LeftoverProcesses.RunFoldersOf(killed.Id));
            Assert.NotEmpty(LeftoverProcesses.ProcessesOf(killed.Id));
        }
        finally
        {
            killed.Kill(entireProcessTree: false); // SIGKILL to sim alone, as the OOM killer or `kill -9` would.
            await killed.WaitForExitAsync();
        }

        Assert.True(Directory.Exists(killedFolder), "the killed run's folder is already gone: nothing for the next start to clean");

        using var next = StartUp();
        try
        {
            await WaitForLineAsync(next, $"removed the leftovers of an interrupted run: {killedFolder}", TimeSpan.FromMinutes(1));
            Assert.False(Directory.Exists(killedFolder));
            Assert.Empty(LeftoverProcesses.ProcessesOf(killed.Id));
            await WaitForLineAsync(next, "Running. Press Ctrl-C", TimeSpan.FromMinutes(4));
            Assert.Equal(0, Signals.Send(next.Id, Signals.Interrupt));
            Assert.True(next.WaitForExit(TimeSpan.FromSeconds(60)), "sim up did not stop after Ctrl-C");
            Assert.Equal(ExitCodes.Passed, next.ExitCode);
        }
        finally
        {
            if (!next.HasExited)
            {
                next.Kill(entireProcessTree: true);
            }
        }

        var (folders, processes) = await LeftoverProcesses.AfterAsync(next.Id, TimeSpan.FromSeconds(10));
        Assert.Empty(folders);
        Assert.Empty(processes);
    }

    private Process StartUp()
    {
        // perl restores SIGINT (a test runner may start children with it ignored), so Ctrl-C reaches sim as from a terminal.
        var start = new ProcessStartInfo("perl", ["-e", RestoreSignalsAndExec, "dotnet", Sim, "up", "--no-dashboard"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, e) => log.WriteLine("stderr: " + e.Data);
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForLineAsync(Process process, string text, TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            log.WriteLine(line);
            if (line.Contains(text, StringComparison.Ordinal))
            {
                return;
            }
        }

        Assert.Fail($"sim ended without printing \"{text}\"");
    }

    private static TcpListener ListenOnFreePort(int first, int last)
    {
        for (var port = first; port <= last; port++)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return listener;
            }
            catch (SocketException)
            {
                listener.Dispose();
            }
        }

        throw new InvalidOperationException($"no free port in {first}-{last}");
    }

    private const string RestoreSignalsAndExec =
        "use POSIX qw(:signal_h); sigprocmask(SIG_UNBLOCK, POSIX::SigSet->new(SIGINT)); $SIG{INT} = 'DEFAULT'; exec @ARGV or die";
}
