using System.Text;
using System.Text.Json;
using Simulator.AppHost.Integrations.Patroni;
using Simulator.Load.Failover;

namespace Simulator.AppHost.Failover;

/// <summary>
/// Polls a Patroni cluster straight (never through the fault-proxy links, so the harness sees what each node says
/// even when the nodes cannot see each other): <c>GET /patroni</c> on every node, and the leader key in etcd,
/// through the v2 or v3 API as the cluster uses it, from the first member that answers. With standby clusters
/// (<see cref="Standbys"/>) it polls each, and names as the leader that of the first cluster whose leader runs as a
/// primary — a standby cluster's leader is not one until promoted — or else the active cluster's.
/// </summary>
public sealed class PatroniClusterProbe : IClusterProbe, IDisposable
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<(string Name, Uri RestUrl)> _nodes;
    private readonly IReadOnlyList<Uri> _etcd;
    private readonly PatroniDcs _dcs;
    private readonly string _leaderKey;

    /// <summary>Creates a probe of the given nodes and etcd members.</summary>
    /// <param name="nodes">Each node's name and REST API base URL.</param>
    /// <param name="etcdClientUrls">The etcd members' client URLs.</param>
    /// <param name="dcs">Which etcd API Patroni uses.</param>
    /// <param name="scope">The Patroni cluster's scope.</param>
    /// <param name="requestTimeout">How long one request may take before its target counts as not answering.</param>
    public PatroniClusterProbe(
        IReadOnlyList<(string Name, Uri RestUrl)> nodes, IReadOnlyList<Uri> etcdClientUrls, PatroniDcs dcs, string scope, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(etcdClientUrls);
        ArgumentException.ThrowIfNullOrEmpty(scope);
        _nodes = nodes;
        _etcd = etcdClientUrls;
        _dcs = dcs;
        _leaderKey = $"/service/{scope}/leader";
        _http = new HttpClient { Timeout = requestTimeout };
    }

    /// <summary>Probes of the standby clusters following this one; empty for a single cluster.</summary>
    public IReadOnlyList<PatroniClusterProbe> Standbys { get; init; } = [];

    /// <summary>A probe of a running cluster's nodes and etcd members, and its standby clusters' (their ports must be allocated).</summary>
    public static PatroniClusterProbe For(PatroniCluster cluster, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        return new PatroniClusterProbe(
            [.. cluster.Nodes.Select(n => (n.Resource.Name, n.Resource.RestUrl))],
            [.. cluster.Etcd.Members.Select(m => m.Resource.ClientUrl)],
            cluster.Options.Dcs,
            cluster.Options.Scope,
            requestTimeout)
        {
            Standbys = [.. cluster.Standbys.Select(s => For(s, requestTimeout))],
        };
    }

    /// <inheritdoc />
    public async Task<ClusterObservation> ProbeAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var nodes = Task.WhenAll(_nodes.Select(n => NodeAsync(n.Name, n.RestUrl, cancellationToken)));
        var (read, leader) = await LeaderAsync(cancellationToken);
        var own = new ClusterObservation(at, read, leader, await nodes);
        if (Standbys.Count == 0)
        {
            return own;
        }

        ClusterObservation[] all = [own, .. await Task.WhenAll(Standbys.Select(s => s.ProbeAsync(at, cancellationToken)))];
        var leading = all.FirstOrDefault(o => o.Leader is { } name && o.Nodes.Any(n => n.Node == name && n.IsRunningPrimary)) ?? own;
        return new ClusterObservation(at, leading.LeaderKeyRead, leading.Leader, [.. all.SelectMany(o => o.Nodes)]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _http.Dispose();
        foreach (var standby in Standbys)
        {
            standby.Dispose();
        }
    }

    private async Task<NodeObservation> NodeAsync(string name, Uri restUrl, CancellationToken cancellationToken)
    {
        try
        {
            var status = await PatroniApi.GetStatusAsync(_http, restUrl, cancellationToken);
            return new NodeObservation(name, true, status.RoleName, status.IsRunning, status.Timeline);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return NodeObservation.Unreachable(name);
        }
    }

    private async Task<(bool Read, string? Leader)> LeaderAsync(CancellationToken cancellationToken)
    {
        foreach (var member in _etcd)
        {
            try
            {
                return (true, _dcs == PatroniDcs.Etcd3 ? await LeaderV3Async(member, cancellationToken) : await LeaderV2Async(member, cancellationToken));
            }
            catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // Try the next member: a member cut off from the quorum cannot answer a consistent read.
            }
        }

        return (false, null);
    }

    private async Task<string?> LeaderV2Async(Uri member, CancellationToken cancellationToken)
    {
        // quorum=true: a linearizable read, so a member cut off from the others does not answer with stale data.
        using var response = await _http.GetAsync(new Uri(member, "/v2/keys" + _leaderKey + "?quorum=true"), cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.GetProperty("node").GetProperty("value").GetString();
    }

    private async Task<string?> LeaderV3Async(Uri member, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.Serialize(new { key = Convert.ToBase64String(Encoding.UTF8.GetBytes(_leaderKey)) });
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _http.PostAsync(new Uri(member, "/v3/kv/range"), content, cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.TryGetProperty("kvs", out var kvs) && kvs.GetArrayLength() > 0
            ? Encoding.UTF8.GetString(Convert.FromBase64String(kvs[0].GetProperty("value").GetString()!))
            : null;
    }
}
