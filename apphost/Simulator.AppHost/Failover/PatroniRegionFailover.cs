using System.Text;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.Chaos;

namespace Simulator.AppHost.Failover;

/// <summary>
/// The scripted region failover of a warm-standby topology, as a disaster-recovery runbook does it: first fence the
/// active cluster — kill every one of its nodes (Patroni and its PostgreSQL, as powering the machines off would), so
/// that when its region comes back it cannot take writes beside the new primary — then promote the region's standby
/// cluster by removing <c>standby_cluster</c> from its configuration (<c>PATCH /config</c> on its leader, what
/// <c>patronictl edit-config</c> does), and wait until its leader runs as a primary. The fenced nodes stay down: bringing
/// the old region back as a standby of the new one is a later, separate step of a real runbook, not simulated here.
/// </summary>
/// <param name="activeNodes">The active cluster's nodes (resource names), fenced first.</param>
/// <param name="standbyNodes">
/// The nodes (name and REST API base URL, reached straight) of the standby cluster a region runs, its leader first;
/// null for a region without one.
/// </param>
/// <param name="processes">Kills the active cluster's nodes.</param>
/// <param name="time">The run's clock.</param>
public sealed class PatroniRegionFailover(
    IReadOnlyList<string> activeNodes,
    Func<string, IReadOnlyList<(string Name, Uri RestUrl)>?> standbyNodes,
    IProcessFaults processes,
    TimeProvider time)
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PromotionTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The <c>PATCH /config</c> body that promotes a standby cluster: its <c>standby_cluster</c> removed.</summary>
    public const string PromotionPatch = """{"standby_cluster": null}""";

    /// <summary>The region failover of a native cluster and its standby clusters.</summary>
    public PatroniRegionFailover(PatroniCluster cluster, IProcessFaults processes, TimeProvider time)
        : this(
            [.. cluster.Nodes.Select(n => n.Resource.Name)],
            region => cluster.StandbyIn(region)?.Nodes.Select(n => (n.Resource.Name, n.Resource.RestUrl)).ToList(),
            processes,
            time)
    {
    }

    /// <summary>Fences the active cluster and promotes the standby cluster of <paramref name="region"/>.</summary>
    /// <returns>What was done, e.g. <c>fenced eu-pg-1, eu-pg-2; promoted us-pg-1 in 2.1 s</c>.</returns>
    /// <exception cref="InvalidOperationException">The region has no standby cluster, or it did not become primary in time.</exception>
    public async Task<string> RunAsync(string region, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        var standby = standbyNodes(region) is { Count: > 0 } nodes
            ? nodes
            : throw new InvalidOperationException($"region {region} runs no standby cluster to fail over to");
        var fenced = new List<string>();
        foreach (var node in activeNodes)
        {
            // A node already down is fenced as well: what matters is that nothing of the old cluster runs.
            await processes.KillAsync(node, cancellationToken);
            fenced.Add(node);
        }

        var started = time.GetTimestamp();
        using var http = new HttpClient { Timeout = RequestTimeout };
        var leader = standby[0];
        using (var content = new StringContent(PromotionPatch, Encoding.UTF8, "application/json"))
        using (var response = await http.PatchAsync(new Uri(leader.RestUrl, "/config"), content, cancellationToken))
        {
            if (!response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                throw new InvalidOperationException($"fenced {string.Join(", ", fenced)}, but Patroni on {leader.Name} refused the promotion ({(int)response.StatusCode}): {body.Trim()}");
            }
        }

        while (true)
        {
            var promoted = await PrimaryAsync(http, standby, cancellationToken);
            if (promoted is not null)
            {
                return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"fenced {string.Join(", ", fenced)}; promoted {promoted} in {time.GetElapsedTime(started).TotalSeconds:0.0} s");
            }

            if (time.GetElapsedTime(started) >= PromotionTimeout)
            {
                throw new InvalidOperationException($"fenced {string.Join(", ", fenced)}, but no node of the {region} standby cluster ran as a primary within {PromotionTimeout.TotalSeconds:0} s");
            }

            await Task.Delay(PollInterval, time, cancellationToken);
        }
    }

    private static async Task<string?> PrimaryAsync(HttpClient http, IReadOnlyList<(string Name, Uri RestUrl)> standby, CancellationToken cancellationToken)
    {
        foreach (var node in standby)
        {
            try
            {
                var status = await PatroniApi.GetStatusAsync(http, node.RestUrl, cancellationToken);
                if (status.IsPrimary && status.IsRunning)
                {
                    return node.Name;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Not answering yet: poll again.
            }
        }

        return null;
    }
}
