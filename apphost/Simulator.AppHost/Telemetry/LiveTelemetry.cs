using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Simulator.AppHost.Failover;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.AppHost.Integrations.Postgres;
using Simulator.AppHost.Topology;
using Simulator.Load.Telemetry;

namespace Simulator.AppHost.Telemetry;

/// <summary>
/// What the AppHost process itself publishes while a topology runs: the load engine's metrics and spans (its
/// operation spans are the parents the HTTP client carries to the emulators in <c>traceparent</c>, so an order is one
/// trace from the load client to the database) and each replica's replication lag, exported over OTLP to the
/// dashboard's endpoint (<see cref="OtlpTarget"/>). Started once the topology is healthy, disposed before teardown
/// (which flushes what is buffered).
/// </summary>
public sealed class LiveTelemetry : IAsyncDisposable
{
    /// <summary>The service name the AppHost's telemetry carries in the dashboard.</summary>
    public const string ServiceName = "sim";

    private static readonly TimeSpan LagInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PatroniRequestTimeout = TimeSpan.FromSeconds(1);
    private const int ExportIntervalMilliseconds = 1000;

    private readonly MeterProvider _meters;
    private readonly TracerProvider _tracers;
    private readonly ReplicationLagGauges? _lag;
    private readonly IDisposable? _lagReader;

    private LiveTelemetry(MeterProvider meters, TracerProvider tracers, ReplicationLagGauges? lag, IDisposable? lagReader)
    {
        _meters = meters;
        _tracers = tracers;
        _lag = lag;
        _lagReader = lagReader;
    }

    /// <summary>The replication lag gauges; null for a topology without replicas.</summary>
    public ReplicationLagGauges? Lag => _lag;

    /// <summary>Starts exporting to <paramref name="target"/>; null (nothing started) when there is no target.</summary>
    public static async Task<LiveTelemetry?> StartAsync(
        NativeTopology topology, OtlpTarget? target, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(time);
        if (target is null)
        {
            return null;
        }

        var (lag, lagReader) = topology.Patroni is { } cluster
            ? StartPatroniLagGauges(topology, cluster, time)
            : (await StartLagGaugesAsync(topology, time, cancellationToken), null);
        var resource = ResourceBuilder.CreateDefault().AddService(ServiceName, serviceInstanceId: Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var meters = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(LoadTelemetry.Name, ReplicationLagGauges.MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                target.Configure(exporter, "metrics");
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = ExportIntervalMilliseconds;
            })
            .Build();
        var tracers = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            // The HTTP client's spans sit between a load operation and the emulator's server span, as in the request.
            .AddSource(LoadTelemetry.Name, NoUnparentedHttpSampler.HttpClientSource)
            .SetSampler(new ParentBasedSampler(new NoUnparentedHttpSampler()))
            .AddOtlpExporter(exporter =>
            {
                target.Configure(exporter, "traces");
                exporter.BatchExportProcessorOptions.ScheduledDelayMilliseconds = ExportIntervalMilliseconds;
            })
            .Build();
        return new LiveTelemetry(meters, tracers, lag, lagReader);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_lag is not null)
        {
            await _lag.DisposeAsync();
        }

        _lagReader?.Dispose();

        // Disposing flushes: the last second's spans and readings still reach the dashboard.
        _tracers.Dispose();
        _meters.Dispose();
    }

    /// <summary>A Patroni cluster's replicas are whichever nodes do not lead now: Patroni says which, and how far behind.</summary>
    private static (ReplicationLagGauges, IDisposable) StartPatroniLagGauges(NativeTopology topology, PatroniCluster cluster, TimeProvider time)
    {
        var reader = new PatroniNodesReader([.. cluster.Nodes.Select(n => n.Resource)], PatroniRequestTimeout);
        var regionOf = topology.Regions.Where(r => r.PatroniNode is not null).ToDictionary(r => r.PatroniNode!.Resource.Name, r => r.Name);
        return (new ReplicationLagGauges(new PatroniLagSource(reader), regionOf, time, LagInterval), reader);
    }

    private static async Task<ReplicationLagGauges?> StartLagGaugesAsync(NativeTopology topology, TimeProvider time, CancellationToken cancellationToken)
    {
        var replicas = topology.Regions
            .SelectMany(r => r.Replicas.Select(p => (Region: r.Name, Node: p.Resource)))
            .Where(r => r.Node.Role == PostgresRole.Replica)
            .ToList();
        if (replicas.Count == 0)
        {
            return null;
        }

        // Each replica is read against the primary it copies: the one fixed primary, or on a topology with tenants its tenant server.
        var sources = new List<IReplicationLagSource>();
        foreach (var group in replicas.GroupBy(r => r.Node.Source ?? topology.Primary.Resource))
        {
            var connections = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (_, node) in group)
            {
                connections[node.Name] = (await node.ConnectionStringExpression.GetValueAsync(cancellationToken))!;
            }

            var primary = await group.Key.ConnectionStringExpression.GetValueAsync(cancellationToken);
            sources.Add(new StreamingReplicaLagSource(primary!, connections));
        }

        var source = sources.Count == 1 ? sources[0] : new CombinedReplicationLagSource(sources);
        return new ReplicationLagGauges(source, replicas.ToDictionary(r => r.Node.Name, r => r.Region), time, LagInterval);
    }
}
