using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.Chaos;

namespace Simulator.AppHost.Failover;

/// <summary>
/// Planned switchovers of a Patroni cluster: finds the leader now (<see cref="PatroniRoles"/>) and asks it, straight
/// through its REST API, to hand over (<c>POST /switchover</c>, what <c>patronictl switchover</c> does) to the node of
/// the region named, or to the candidate Patroni picks. Patroni answers once the new leader runs. Region failovers go
/// to <paramref name="regionFailover"/>, when the topology has standby clusters.
/// </summary>
/// <param name="regionNode">The name of the node a switchover to a region hands over to.</param>
/// <param name="restUrl">A node's REST API base URL, reached straight (never through a link).</param>
/// <param name="probe">Says who leads now.</param>
/// <param name="time">The run's clock.</param>
/// <param name="regionFailover">The scripted region failover; null when the topology has no standby cluster.</param>
public sealed class PatroniSwitchover(Func<string, string> regionNode, Func<string, Uri> restUrl, IClusterProbe probe, TimeProvider time, PatroniRegionFailover? regionFailover = null) : IClusterFaults
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Switchovers of a native cluster (a switchover to a region goes to its first node), and its region failover if any.</summary>
    public PatroniSwitchover(PatroniCluster cluster, IClusterProbe probe, TimeProvider time, PatroniRegionFailover? regionFailover = null)
        : this(
            region => cluster.Node(region).Resource.Name,
            node => cluster.AllNodes.Single(n => n.Resource.Name == node).Resource.RestUrl,
            probe,
            time,
            regionFailover)
    {
    }

    /// <inheritdoc />
    public async Task<string> SwitchoverAsync(string target, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        var leader = PatroniRoles.Holder(await probe.ProbeAsync(time.GetUtcNow(), cancellationToken), PatroniRoles.Leader);
        var candidate = target == IClusterFaults.AnyCandidate ? null : regionNode(target);
        if (candidate == leader)
        {
            throw new InvalidOperationException($"{leader} in {target} leads already: there is nothing to switch over");
        }

        using var http = new HttpClient { Timeout = RequestTimeout };
        var url = new Uri(restUrl(leader), "/switchover");
        // Patroni's HTTP server wants a Content-Length (it answers a chunked body with 411), so the body is sized first.
        using var content = new StringContent(JsonSerializer.Serialize(new SwitchoverRequest(leader, candidate)), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(url, content, cancellationToken);
        var body = (await response.Content.ReadAsStringAsync(cancellationToken)).Trim();
        return response.IsSuccessStatusCode
            ? $"switchover from {leader}: {body}"
            : throw new InvalidOperationException($"Patroni refused the switchover from {leader} ({(int)response.StatusCode}): {body}");
    }

    /// <inheritdoc />
    public Task<string> RegionFailoverAsync(string region, CancellationToken cancellationToken = default) =>
        regionFailover?.RunAsync(region, cancellationToken)
        ?? throw new InvalidOperationException("no region failover in this run: the topology has no standby cluster, or its processes cannot be signalled to fence it");

    private sealed record SwitchoverRequest(
        [property: JsonPropertyName("leader")] string Leader,
        [property: JsonPropertyName("candidate"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Candidate);
}
