using Simulator.AppHost.Cli;
using Simulator.AppHost.Integrations.Containers;
using Simulator.AppHost.Native;
using Simulator.AppHost.Topology;

namespace Simulator.AppHost.Run.Containers;

/// <summary>
/// A topology stood up in containers through Aspire and the engine: started, waited on until every long-running
/// container is healthy (the one-shot database creation and bucket jobs have then completed, since the Odoo nodes
/// and nothing else wait for them), and torn down on dispose — containers stopped and removed by Aspire, the run's
/// volumes removed through the engine, the run folder removed.
/// </summary>
public sealed class ContainerTopologyHost : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);
    private readonly ResourceLogCollector _logs;

    private ContainerTopologyHost(DistributedApplication app, ContainerRunTopology topology, IContainerEngine engine, ResourceLogCollector logs)
    {
        App = app;
        Topology = topology;
        Engine = engine;
        _logs = logs;
    }

    /// <summary>The resources' logs: where they are copied, and the tallies counted in them.</summary>
    public ResourceLogCollector Logs => _logs;

    /// <summary>The running Aspire application.</summary>
    public DistributedApplication App { get; }

    /// <summary>The topology's containers, as a run sees them.</summary>
    public ContainerRunTopology Topology { get; }

    /// <summary>The engine the containers run on (process faults, volume removal).</summary>
    public IContainerEngine Engine { get; }

    /// <summary>
    /// Builds the containers app model of <paramref name="options"/>' topology on <paramref name="engine"/> and returns
    /// once every long-running container is healthy; a container that fails or is not healthy in time raises
    /// <see cref="EnvironmentSetupException"/> with its last log lines.
    /// </summary>
    /// <param name="options">The topology, logs folder, start timeout and progress.</param>
    /// <param name="engine">The engine the probe found answering.</param>
    /// <param name="check">Runs on the app model before anything starts (a scenario's fault check); throws to refuse it. Null for none.</param>
    /// <param name="time">The run's clock.</param>
    /// <param name="cancellationToken">Cancels the start (what started is torn down).</param>
    public static async Task<ContainerTopologyHost> StartAsync(
        TopologyHostOptions options,
        IContainerEngine engine,
        Action<ContainerRunTopology>? check,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(time);
        var run = RunDirectory.Create(time);
        DistributedApplication? app = null;
        try
        {
            var builder = ResourceStartup.NewBuilder(options);
            // The engine the probe found answering, for Aspire's orchestrator too.
            builder.Configuration["DcpPublisher:ContainerRuntime"] = engine.Name;
            var topology = new ContainerRunTopology(builder.AddContainerTopology(options.Topology, run, RunSecrets.NewOdooCredentials()));
            check?.Invoke(topology);
            app = builder.Build();
            var logs = new ResourceLogCollector(
                app, [.. topology.Topology.LongRunningResources(), .. topology.Topology.OneShotResources()], options.LogDirectory);
            var host = new ContainerTopologyHost(app, topology, engine, logs);
            try
            {
                await ResourceStartup.StartAndWaitUntilHealthyAsync(
                    app, topology.Topology.LongRunningResources(), logs, options, time, cancellationToken);
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
        // Aspire removes what it started when it is disposed; the volumes go below either way.
        await ResourceStartup.StopAsync(App, StopTimeout);
        await App.DisposeAsync();
        await _logs.DisposeAsync();
        await RemoveVolumesAsync();
        Topology.Topology.Run.Dispose();
    }

    /// <summary>Removes the run's named volumes (<c>sim-&lt;run&gt;-…</c>); one still in use or already gone is left to the next run's sweep.</summary>
    private async Task RemoveVolumesAsync()
    {
        var volumes = Topology.Topology.LongRunningResources().Concat(Topology.Topology.OneShotResources())
            .SelectMany(r => r.Annotations.OfType<ContainerMountAnnotation>())
            .Where(m => m.Type == ContainerMountType.Volume && m.Source is not null && m.Source.StartsWith(RunVolumes.PrefixOf(Topology.Topology.Run), StringComparison.Ordinal))
            .Select(m => m.Source!)
            .Distinct(StringComparer.Ordinal);
        foreach (var volume in volumes)
        {
            try
            {
                await Engine.RunAsync(["volume", "rm", "--force", volume], CancellationToken.None);
            }
            catch (ContainerEngineException)
            {
                // Teardown goes on: a leftover volume costs disk, not correctness, and carries the run's prefix.
            }
        }
    }
}
