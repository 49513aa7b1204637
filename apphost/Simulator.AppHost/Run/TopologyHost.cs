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
            var builder = options.CreateBuilder?.Invoke() ?? DistributedApplication.CreateBuilder(new DistributedApplicationOptions
            {
                Args = [],
                DisableDashboard = !options.Dashboard,
            });
            // Aspire's own chatter stays out of the run's output; resource logs go to files.
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            if (options.Dashboard)
            {
                // Keeps the dashboard's address and login token on screen, and nothing else.
                builder.Configuration["Logging:LogLevel:Aspire.Hosting.DistributedApplication"] = "Information";
            }

            // Failing health checks are expected while resources start; progress is reported instead.
            builder.Configuration["Logging:LogLevel:Microsoft.Extensions.Diagnostics.HealthChecks"] = "None";
            builder.Configuration["Logging:LogLevel:Microsoft.Extensions.Hosting"] = "Critical";
            builder.Configuration["Logging:LogLevel:Aspire.Hosting.Dcp"] = "Error";
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
                await host.StartAndWaitUntilHealthyAsync(options, time, cancellationToken);
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

        using (var stopping = new CancellationTokenSource(StopTimeout))
        {
            try
            {
                await App.StopAsync(stopping.Token);
            }
            catch (OperationCanceledException)
            {
                // The sweep below takes care of whatever did not stop in time.
            }
        }

        await _processes.DisposeAsync();
        await App.DisposeAsync();
        await _logs.DisposeAsync();
        // What the stop missed: processes naming the run folder, and those recorded starting (Redis, emulators) which do not.
        RecordedProcesses.KillLeftovers(Topology.Run.Folder);
        ProcessSweeper.KillProcessesMentioning(Topology.Run.Folder);
        Topology.Run.Dispose();
    }

    /// <remarks>
    /// Aspire's <c>StartAsync</c> itself waits for <c>WaitFor</c> dependencies, so it only returns once
    /// the last resource has started; the resources are watched alongside it (<see cref="StartupMonitor"/>) to report
    /// progress and to fail fast, with the resource's own log lines, when something cannot start — its dependents
    /// would otherwise wait for it until the start-up timeout.
    /// </remarks>
    private async Task StartAndWaitUntilHealthyAsync(TopologyHostOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        var monitor = new StartupMonitor(App.ResourceNotifications, Topology.AllResources(), time, options.Progress);
        var healthy = monitor.WaitUntilHealthyAsync(timeout.Token);
        var starting = App.StartAsync(timeout.Token);
        try
        {
            if (await Task.WhenAny(healthy, starting) == starting && starting.IsFaulted)
            {
                // Aspire gives up on a resource whose dependency failed; the monitor names the one that failed first.
                await Task.WhenAny(healthy, Task.Delay(TimeSpan.FromSeconds(2), time, CancellationToken.None));
                await (healthy.IsFaulted ? healthy : starting);
            }

            await healthy;
            await starting;
        }
        catch (Exception ex)
        {
            await timeout.CancelAsync();
            await Task.WhenAll(healthy, starting).ContinueWith(static _ => { }, TaskScheduler.Default);
            // Ctrl-C while starting stops the resources; that is an interruption, not a failure to start.
            cancellationToken.ThrowIfCancellationRequested();
            if (ex is ResourceStartException failed)
            {
                throw await FailureAsync(failed.Resource, failed.What, options, time);
            }

            if (ex is OperationCanceledException or DistributedApplicationException && monitor.NotHealthy is { Count: > 0 } pending)
            {
                // The one furthest along is the likeliest culprit: running but never healthy, before one still waiting.
                var (resource, step) = pending.OrderByDescending(p => p.Step == "running").ThenByDescending(p => p.Step == "starting").First();
                var why = ex is OperationCanceledException
                    ? $"was not healthy within {options.StartTimeout.TotalSeconds:0} s"
                    : $"was not healthy when Aspire gave up the start ({ex.Message})";
                throw await FailureAsync(resource, $"{why} (it was {step}; not healthy: {string.Join(", ", pending.Select(p => p.Resource))})", options, time);
            }

            throw;
        }
    }

    private async Task<EnvironmentSetupException> FailureAsync(string resource, string what, TopologyHostOptions options, TimeProvider time)
    {
        // The log pump may be a moment behind the state change that ended the resource.
        await Task.Delay(TimeSpan.FromMilliseconds(500), time, CancellationToken.None);
        var tail = _logs.Tail(resource);
        var lines = tail.Count == 0 ? "  (it wrote nothing)" : string.Join(Environment.NewLine, tail.Select(l => "  | " + l));
        var advice = StartFailureAdvice.For(tail) is { } fix ? $"{Environment.NewLine}How to fix it: {fix}" : "";
        var log = Path.Combine(options.LogDirectory, resource + ".log");
        return new EnvironmentSetupException(
            $"{resource} {what}. Its last log lines:{Environment.NewLine}{lines}{advice}{Environment.NewLine}Its whole log: {log}");
    }
}
