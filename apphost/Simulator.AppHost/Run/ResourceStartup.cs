using Simulator.AppHost.Cli;

namespace Simulator.AppHost.Run;

/// <summary>How either runtime's host starts an Aspire application and waits until its resources are healthy.</summary>
internal static class ResourceStartup
{
    /// <summary>
    /// The Aspire builder of <paramref name="options"/> (the AppHost's own unless the options make one), with Aspire's
    /// own chatter kept out of the run's output; resource logs go to files.
    /// </summary>
    public static IDistributedApplicationBuilder NewBuilder(TopologyHostOptions options)
    {
        var builder = options.CreateBuilder?.Invoke() ?? DistributedApplication.CreateBuilder(new DistributedApplicationOptions
        {
            Args = [],
            DisableDashboard = !options.Dashboard,
        });
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
        return builder;
    }

    /// <summary>Stops <paramref name="app"/>, giving up after <paramref name="timeout"/> (the caller cleans up what is left).</summary>
    public static async Task StopAsync(DistributedApplication app, TimeSpan timeout)
    {
        using var stopping = new CancellationTokenSource(timeout);
        try
        {
            await app.StopAsync(stopping.Token);
        }
        catch (OperationCanceledException)
        {
            // Not stopped in time: teardown goes on.
        }
    }

    /// <summary>Starts <paramref name="app"/> and returns once every one of <paramref name="resources"/> is healthy.</summary>
    /// <remarks>
    /// Aspire's <c>StartAsync</c> itself waits for <c>WaitFor</c> dependencies, so it only returns once
    /// the last resource has started; the resources are watched alongside it (<see cref="StartupMonitor"/>) to report
    /// progress and to fail fast, with the resource's own log lines, when something cannot start — its dependents
    /// would otherwise wait for it until the start-up timeout.
    /// </remarks>
    /// <exception cref="EnvironmentSetupException">A resource failed to start or was not healthy in time.</exception>
    public static async Task StartAndWaitUntilHealthyAsync(
        DistributedApplication app,
        IEnumerable<IResource> resources,
        ResourceLogCollector logs,
        TopologyHostOptions options,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.StartTimeout);
        var monitor = new StartupMonitor(app.ResourceNotifications, resources, time, options.Progress);
        var healthy = monitor.WaitUntilHealthyAsync(timeout.Token);
        var starting = app.StartAsync(timeout.Token);
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
                throw await FailureAsync(logs, failed.Resource, failed.What, options, time);
            }

            if (ex is OperationCanceledException or DistributedApplicationException && monitor.NotHealthy is { Count: > 0 } pending)
            {
                // The one furthest along is the likeliest culprit: running but never healthy, before one still waiting.
                var (resource, step) = pending.OrderByDescending(p => p.Step == "running").ThenByDescending(p => p.Step == "starting").First();
                var why = ex is OperationCanceledException
                    ? $"was not healthy within {options.StartTimeout.TotalSeconds:0} s"
                    : $"was not healthy when Aspire gave up the start ({ex.Message})";
                throw await FailureAsync(logs, resource, $"{why} (it was {step}; not healthy: {string.Join(", ", pending.Select(p => p.Resource))})", options, time);
            }

            throw;
        }
    }

    private static async Task<EnvironmentSetupException> FailureAsync(ResourceLogCollector logs, string resource, string what, TopologyHostOptions options, TimeProvider time)
    {
        // The log pump may be a moment behind the state change that ended the resource.
        await Task.Delay(TimeSpan.FromMilliseconds(500), time, CancellationToken.None);
        var tail = logs.Tail(resource);
        var lines = tail.Count == 0 ? "  (it wrote nothing)" : string.Join(Environment.NewLine, tail.Select(l => "  | " + l));
        var advice = StartFailureAdvice.For(tail) is { } fix ? $"{Environment.NewLine}How to fix it: {fix}" : "";
        var log = Path.Combine(options.LogDirectory, resource + ".log");
        return new EnvironmentSetupException(
            $"{resource} {what}. Its last log lines:{Environment.NewLine}{lines}{advice}{Environment.NewLine}Its whole log: {log}");
    }
}
