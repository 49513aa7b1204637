using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Simulator.Chaos;

namespace Simulator.AppHost.Tests.Integration;

/// <summary>
/// Watches a running two-region topology from outside, through its <c>--endpoints</c> file and the fault proxy's
/// API: round trips to the EU primary directly and through the <c>us-&gt;eu:postgres</c> link, Odoo calls through
/// each region's ingress, and whether they fail while the link is partitioned and come back after the heal.
/// </summary>
internal sealed class TwoRegionProbe(JsonElement endpoints) : IDisposable
{
    public const string Link = "us->eu:postgres";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly ToxiproxyClient _proxy = new(new Uri(endpoints.GetProperty("toxiproxy").GetString()!));

    public ToxiproxyClient Proxy => _proxy;

    /// <summary>The EU primary's connection string, straight to it.</summary>
    public string Direct { get; } = endpoints.GetProperty("regions").GetProperty("eu").GetProperty("postgres").GetString()! + ";Pooling=false;Timeout=2";

    /// <summary>Waits until the link carries a toxic whose name starts with <paramref name="prefix"/> (or none, when <paramref name="present"/> is false).</summary>
    public async Task WaitForToxicAsync(string prefix, bool present, CancellationToken cancellationToken)
    {
        while (true)
        {
            var toxics = await _proxy.GetToxicsAsync(Link, cancellationToken);
            if (toxics.Any(t => t.Name.StartsWith(prefix, StringComparison.Ordinal)) == present)
            {
                return;
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>The EU primary's connection string through the link.</summary>
    public async Task<string> ViaLinkAsync(CancellationToken cancellationToken)
    {
        var listen = (await _proxy.GetProxyAsync(Link, cancellationToken)).Listen;
        var builder = new NpgsqlConnectionStringBuilder(Direct) { Port = int.Parse(listen[(listen.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture) };
        return builder.ConnectionString;
    }

    /// <summary>The median of <paramref name="count"/> <c>SELECT 1</c> round trips on one open connection, in ms.</summary>
    public static async Task<double> MedianRoundTripAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        await command.ExecuteScalarAsync(cancellationToken);
        var samples = new List<double>();
        for (var i = 0; i < count; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await command.ExecuteScalarAsync(cancellationToken);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return Median(samples);
    }

    /// <summary>Opens a new connection and runs <c>SELECT 1</c>; false when it fails or times out (2 s connect timeout).</summary>
    public static async Task<bool> CanQueryAsync(string connectionString, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            return Equals(await command.ExecuteScalarAsync(timeout.Token), 1);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// One Odoo call that writes to the database (<c>res.partner.create</c>) through <paramref name="region"/>'s
    /// ingress — a write, because reads are served by the region's own replica: its time in ms, or null when it
    /// failed or took over 5 s.
    /// </summary>
    public async Task<double?> OdooCallAsync(string region, CancellationToken cancellationToken)
    {
        var odoo = endpoints.GetProperty("regions").GetProperty(region).GetProperty("odoo");
        object[] args = [odoo.GetProperty("database").GetString()!, 2, odoo.GetProperty("password").GetString()!, "res.partner", "create", new object[] { new { name = "link probe" } }];
        var body = new { jsonrpc = "2.0", method = "call", id = 1, @params = new { service = "object", method = "execute_kw", args } };
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.PostAsJsonAsync(new Uri(odoo.GetProperty("url").GetString()! + "/jsonrpc"), body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return json.RootElement.TryGetProperty("result", out _) ? Stopwatch.GetElapsedTime(started).TotalMilliseconds : null;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>The median time of <paramref name="count"/> successful Odoo calls through a region's ingress, in ms.</summary>
    public async Task<double> MedianOdooCallAsync(string region, int count, CancellationToken cancellationToken)
    {
        var samples = new List<double>();
        while (samples.Count < count)
        {
            samples.Add(await OdooCallAsync(region, cancellationToken) ?? throw new InvalidOperationException($"an Odoo call through {region} failed"));
        }

        return Median(samples);
    }

    /// <summary>Seconds until <paramref name="succeeds"/> first returns true, polling every 250 ms; null if not within <paramref name="limit"/>.</summary>
    public static async Task<double?> SecondsUntilAsync(Func<Task<bool>> succeeds, TimeSpan limit, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < limit)
        {
            if (await succeeds())
            {
                return Stopwatch.GetElapsedTime(started).TotalSeconds;
            }

            await Task.Delay(250, cancellationToken);
        }

        return null;
    }

    public void Dispose()
    {
        _proxy.Dispose();
        _http.Dispose();
    }

    private static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }
}
