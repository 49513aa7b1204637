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
}
