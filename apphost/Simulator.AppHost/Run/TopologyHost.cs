using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Simulator.AppHost.Cli;
using Simulator.AppHost.ControlRoom;
using Simulator.AppHost.Native;
using Simulator.AppHost.Telemetry;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Run;

/// <summary>
/// A topology stood up in this process through Aspire: started, waited on until every resource is
/// healthy, and torn down on dispose — processes stopped, leftovers killed, the run folder removed.
/// </summary>
public sealed class TopologyHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private readonly ResourceLogCollector _logs;
    private readonly ProcessRecorder _processes;
    private LiveTelemetry? _telemetry;

    private TopologyHost(DistributedApplication app, NativeTopology topology, ResourceLogCollector logs, TimeProvider time)
    {
        App = app;
        Topology = topology;
        _logs = logs;
        _processes = new ProcessRecorder(app.ResourceNotifications, topology.AllResources(), topology.Run.Folder, time);
    }

    /// <summary>The resources' logs: where they are copied, and the tallies counted in them.</summary>
    public ResourceLogCollector Logs => _logs;

    /// <summary>The running Aspire application.</summary>
    public DistributedApplication App { get; }

    /// <summary>The topology's resources.</summary>
    public NativeTopology Topology { get; }

    /// <summary>What this process exports to the dashboard (load, replication lag); null when no OTLP endpoint is configured.</summary>
    public LiveTelemetry? Telemetry => _telemetry;

    /// <summary>
    /// Stands the topology up and returns once every resource is healthy. A resource that fails to
    /// start, or is not healthy in time, raises <see cref="EnvironmentSetupException"/> with its last log lines.
    /// </summary>
    public static async Task<TopologyHost> StartAsync(TopologyHostOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        foreach (var stale in ProcessSweeper.CleanStaleRuns())
        {
            options.Progress($"removed the leftovers of an interrupted run: {stale}");
        }

        var run = RunDirectory.Create(time);
        DistributedApplication? app = null;
        ResourceLogCollector? logs = null;
        try
        {
            var builder = ResourceStartup.NewBuilder(options);
            builder.Configuration["DcpPublisher:ContainerRuntimeInitializationTimeout"] = "00:00:00";
            var topology = builder.AddNativeTopology(options.Topology, run, RunSecrets.NewOdooCredentials());
            if (options.ControlRoom is { } controlRoom)
            {
                builder.AddControlRoom(topology, controlRoom);
            }

            builder.WithLiveTelemetryIntervals();
            app = builder.Build();
            logs = new ResourceLogCollector(app, topology.AllResources(), options.LogDirectory);
            var host = new TopologyHost(app, topology, logs, time);
            try
            {
                await ResourceStartup.StartAndWaitUntilHealthyAsync(app, topology.AllResources(), logs, options, time, cancellationToken);
                host._telemetry = await LiveTelemetry.StartAsync(
                    topology, OtlpTarget.FromConfiguration(app.Services.GetRequiredService<IConfiguration>()), time, cancellationToken);
                return host;
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }
        catch when (app is null)
        {
            run.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_telemetry is not null)
        {
            await _telemetry.DisposeAsync();
        }

        // The sweep below takes care of whatever did not stop in time.
        await ResourceStartup.StopAsync(App, StopTimeout);
        await _processes.DisposeAsync();
        await App.DisposeAsync();
        await _logs.DisposeAsync();
        // What the stop missed: processes naming the run folder, and those recorded starting (Redis, emulators) which do not.
        RecordedProcesses.KillLeftovers(Topology.Run.Folder);
        ProcessSweeper.KillProcessesMentioning(Topology.Run.Folder);
        Topology.Run.Dispose();
    }
}
