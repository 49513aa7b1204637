using System.Text.Json;
using Simulator.AppHost.Integrations.Patroni;

namespace Simulator.AppHost.Failover;

/// <summary>
/// Asks every node of a Patroni cluster for its status at once, straight through its REST API (never through the
/// fault-proxy links); a node that does not answer within the request timeout is read as silent, not thrown.
/// </summary>
public sealed class PatroniNodesReader : IDisposable
{
    private readonly HttpClient _http;
    private readonly IReadOnlyList<PatroniNodeResource> _nodes;

    /// <summary>A reader of <paramref name="nodes"/>.</summary>
    /// <param name="nodes">The cluster's nodes; their REST endpoints must be allocated by the time of a read.</param>
    /// <param name="requestTimeout">How long a node may take to answer.</param>
    public PatroniNodesReader(IReadOnlyList<PatroniNodeResource> nodes, TimeSpan requestTimeout)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        _nodes = nodes;
        _http = new HttpClient { Timeout = requestTimeout };
    }

    /// <summary>Reads every node once.</summary>
    /// <param name="at">The instant to stamp the reading with.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The reading.</returns>
    public async Task<PatroniNodesReading> ReadAsync(DateTimeOffset at, CancellationToken cancellationToken)
    {
        var statuses = await Task.WhenAll(_nodes.Select(n => StatusAsync(n, cancellationToken)));
        return new PatroniNodesReading(at, [.. _nodes.Select((n, i) => (n.Name, statuses[i]))]);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    private async Task<PatroniStatus?> StatusAsync(PatroniNodeResource node, CancellationToken cancellationToken)
    {
        if (!node.RestEndpoint.IsAllocated)
        {
            return null;
        }

        try
        {
            return await PatroniApi.GetStatusAsync(_http, node.RestUrl, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
