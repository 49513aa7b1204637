using System.Text.Json;
using Npgsql;
using Simulator.AppHost.Failover;
using Simulator.Chaos;
using Simulator.Load.Failover;

namespace Simulator.AppHost.Run;

/// <summary>
/// Brings a native stand-up a run has finished with back to what a fresh one offers the next run: every link healed
/// (<c>POST /reset</c>: no toxic left, the previous run's latency matrix included, every proxy enabled), every paused
/// process resumed and every stopped or killed resource started again, then waits until every resource is healthy,
/// every region's ingress serves <c>/web/health</c>, and on a Patroni topology until the DCS names a leader that runs
/// as a primary and every other node is streaming. A leader that moved in an earlier run is handed back to the node
/// that leads after a stand-up (a Patroni switchover), so that a scenario's regions mean what they mean on a fresh
/// one; when Patroni refuses, the lead stays where it is and the result says who leads (faults naming <c>leader</c>
/// find the current one when they fire either way).
/// </summary>
/// <param name="host">The stand-up to reset.</param>
/// <param name="console">Where each step is printed.</param>
public sealed class StandUpReset(NativeRunHost host, TextWriter console)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How long the stand-up may take to be whole again before the reset gives up.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Resets the stand-up and returns how long it took and who leads now.</summary>
    /// <exception cref="StandUpResetException">It was not whole again within <see cref="Timeout"/>; says what was missing.</exception>
    public async Task<StandUpResetResult> ResetAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        var topology = host.Host.Topology;
        if (host.Topology.FaultProxyApiUrl is { } api)
        {
            using var client = new ToxiproxyClient(new Uri(api));
            await client.ResetAsync(cancellationToken);
        }

        var processes = new ResourceProcesses(host.Host.App, topology);
        var actors = host.FaultActors(time);
        using var probe = actors.Probe;
        var resources = topology.AllResources().Select(r => r.Name).ToList();
        foreach (var name in resources)
        {
            if (actors.Processes is { } signals && processes.IsRunning(name))
            {
                await signals.ResumeAsync(name, cancellationToken);
            }
        }

        var stopped = resources.Where(r => !processes.IsRunning(r)).ToList();
        if (stopped.Count > 0)
        {
            console.WriteLine($"Reset: starting {string.Join(", ", stopped)}");
            foreach (var name in stopped)
            {
                await processes.StartAsync(name, cancellationToken);
            }
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        var missing = "every resource healthy";
        try
        {
            foreach (var name in resources)
            {
                missing = $"{name} healthy";
                await host.Host.App.ResourceNotifications.WaitForResourceHealthyAsync(name, deadline.Token);
            }

            using var http = new HttpClient { Timeout = RequestTimeout };
            var leader = await WaitUntilWholeAsync(http, probe, time, m => missing = m, deadline.Token);
            if (host.Host.Topology.Patroni is { } cluster && actors.Cluster is { } switchover && leader != cluster.Nodes[0].Resource.Name)
            {
                // Scenarios are written for the stand-up's shape, the leader where it bootstraps (`partition: apac` is a
                // replica region's partition only while apac does not lead): hand the lead back first.
                var home = cluster.Nodes[0].Resource;
                missing = $"the switchover back to {home.Name}";
                await HandBackAsync(http, cluster, leader!, home.Region, switchover, time, deadline.Token);
                leader = await WaitUntilWholeAsync(http, probe, time, m => missing = m, deadline.Token);
            }

            return new StandUpResetResult(time.GetElapsedTime(started), leader);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StandUpResetException($"the stand-up of {topology.Spec.Name} was not whole again within {Timeout.TotalSeconds:0} s: still waiting for {missing}");
        }
    }

    /// <summary>
    /// Switches the lead over to the node of <paramref name="region"/>. Under synchronous replication Patroni hands it
    /// only to the synchronous standby (412 otherwise): then synchronous mode is switched off in the cluster's
    /// configuration for the switchover and back on after it — no run is writing during a reset, so no write can be
    /// acknowledged without its standby meanwhile. A switchover still refused leaves the lead where it is (printed,
    /// and the run's report says who it found leading).
    /// </summary>
    private async Task HandBackAsync(
        HttpClient http, Integrations.Patroni.PatroniCluster cluster, string leader, string region, IClusterFaults switchover, TimeProvider time, CancellationToken cancellationToken)
    {
        var config = new Uri(cluster.AllNodes.Single(n => n.Resource.Name == leader).Resource.RestUrl, "/config");
        bool? synchronous = null;
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    console.WriteLine($"Reset: {leader} leads; {await switchover.SwitchoverAsync(region, cancellationToken)}");
                    return;
                }
                catch (InvalidOperationException ex) when (ex.Message.Contains("sync_standby", StringComparison.Ordinal) && attempt < 20)
                {
                    if (synchronous is null)
                    {
                        using var current = JsonDocument.Parse(await http.GetStringAsync(config, cancellationToken));
                        synchronous = current.RootElement.TryGetProperty("synchronous_mode", out var mode) && mode.ValueKind == JsonValueKind.True;
                        console.WriteLine($"Reset: {ex.Message}; switching synchronous mode off for the switchover");
                        await PatchAsync(http, config, false, cancellationToken);
                    }

                    // The leader drops the synchronous standby on its next cycle; until then Patroni still refuses.
                    await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
                }
                catch (InvalidOperationException ex)
                {
                    console.WriteLine($"Reset: the lead stays with {leader}: {ex.Message}");
                    return;
                }
            }
        }
        finally
        {
            if (synchronous == true)
            {
                // Even when the reset was cancelled: the stand-up must not be left without its synchronous mode.
                await PatchAsync(http, config, true, CancellationToken.None);
                console.WriteLine("Reset: synchronous mode back on");
            }
        }
    }

    private static Task PatchAsync(HttpClient http, Uri config, bool synchronous, CancellationToken cancellationToken) =>
        Integrations.Patroni.PatroniApi.PatchConfigAsync(
            http, config, synchronous ? """{"synchronous_mode": true}""" : """{"synchronous_mode": false}""", cancellationToken);

    /// <summary>Waits until nothing is missing (<see cref="MissingAsync"/>); returns the Patroni leader then, if any.</summary>
    private async Task<string?> WaitUntilWholeAsync(HttpClient http, PatroniClusterProbe? probe, TimeProvider time, Action<string> missing, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (lacking, leader) = await MissingAsync(http, probe, time, cancellationToken);
            if (lacking is null)
            {
                return leader;
            }

            missing(lacking);
            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    /// <summary>What the stand-up still lacks (null when it is whole), and the Patroni leader if any.</summary>
    private async Task<(string? Missing, string? Leader)> MissingAsync(HttpClient http, PatroniClusterProbe? probe, TimeProvider time, CancellationToken cancellationToken)
    {
        foreach (var region in host.Topology.Spec.Regions)
        {
            if (!await ServesAsync(http, new Uri(host.Topology.IngressUrl(region.Name), "/web/health"), cancellationToken))
            {
                return ($"{region.Name}'s ingress to serve /web/health", null);
            }
        }

        if (probe is null || host.Host.Topology.Patroni is not { } cluster)
        {
            return (null, null);
        }

        var observation = await probe.ProbeAsync(time.GetUtcNow(), cancellationToken);
        if (observation.Leader is not { } leader || !observation.Nodes.Any(n => n.Node == leader && n.IsRunningPrimary))
        {
            return ("a Patroni leader running as the primary", null);
        }

        if (observation.Nodes.FirstOrDefault(n => !(n.Reachable && n.Running)) is { } down)
        {
            return ($"{down.Node} to run under Patroni", leader);
        }

        var streaming = await StreamingAsync(cluster, observation, cancellationToken);
        var behind = observation.Nodes.Select(n => n.Node).Where(n => n != leader && !streaming.Contains(n)).ToList();
        return (behind.Count == 0 ? null : $"{string.Join(", ", behind)} to stream from {leader}", leader);
    }

    /// <summary>The nodes some running node sees streaming from it (<c>pg_stat_replication</c>, cascades included).</summary>
    private static async Task<HashSet<string>> StreamingAsync(
        Integrations.Patroni.PatroniCluster cluster, ClusterObservation observation, CancellationToken cancellationToken)
    {
        var streaming = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in cluster.AllNodes.Where(n => observation.Nodes.Any(o => o.Node == n.Resource.Name && o.Running)))
        {
            try
            {
                var connectionString = await node.Resource.ConnectionStringExpression.GetValueAsync(cancellationToken) + ";Timeout=3;Command Timeout=5";
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT application_name FROM pg_stat_replication WHERE state = 'streaming'", connection);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    streaming.Add(reader.GetString(0));
                }
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
            {
                // A node that cannot be asked now names no replica this round.
            }
        }

        return streaming;
    }

    private static async Task<bool> ServesAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }
}
