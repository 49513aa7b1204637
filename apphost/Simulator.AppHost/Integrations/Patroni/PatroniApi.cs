using System.Text.Json;

namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>Reads Patroni's REST API.</summary>
public static class PatroniApi
{
    /// <summary>
    /// <c>GET /patroni</c> on the node at <paramref name="restUrl"/>. Patroni answers it whatever PostgreSQL's state
    /// (the status code says whether PostgreSQL runs; the body says what it is), so the body is read either way.
    /// </summary>
    /// <exception cref="HttpRequestException">Patroni did not answer.</exception>
    /// <exception cref="JsonException">It answered something else than its status.</exception>
    public static async Task<PatroniStatus> GetStatusAsync(HttpClient http, Uri restUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(restUrl);
        using var response = await http.GetAsync(new Uri(restUrl, "/patroni"), cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return PatroniStatus.Parse(body);
    }

    /// <summary>
    /// The members <c>GET /cluster</c> on the node at <paramref name="restUrl"/> names as synchronous standbys (role
    /// <c>sync_standby</c>): with synchronous replication, the only ones Patroni lets take over in a switchover.
    /// </summary>
    /// <exception cref="HttpRequestException">Patroni did not answer.</exception>
    /// <exception cref="JsonException">It answered something else than the cluster.</exception>
    public static async Task<IReadOnlyList<string>> GetSyncStandbysAsync(HttpClient http, Uri restUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(restUrl);
        using var response = await http.GetAsync(new Uri(restUrl, "/cluster"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return document.RootElement.TryGetProperty("members", out var members) && members.ValueKind == JsonValueKind.Array
            ? [.. members.EnumerateArray()
                .Where(m => m.TryGetProperty("role", out var role) && role.GetString() == "sync_standby")
                .Select(m => m.GetProperty("name").GetString()!)]
            : throw new JsonException("not a Patroni cluster: no members");
    }

    /// <summary>
    /// <c>PATCH /config</c> on the node at <paramref name="restUrl"/> with <paramref name="json"/>: changes the cluster's
    /// dynamic configuration in the DCS, which every node takes on its next cycle.
    /// </summary>
    /// <exception cref="HttpRequestException">Patroni did not answer, or refused.</exception>
    public static async Task PatchConfigAsync(HttpClient http, Uri restUrl, string json, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(restUrl);
        // Patroni's HTTP server wants a Content-Length: a sized body, not a chunked one.
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PatchAsync(new Uri(restUrl, "/config"), content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
