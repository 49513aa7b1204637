using System.Text.Json;
using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Rpc;
using StackExchange.Redis;

namespace Simulator.OdooEmulator.Sessions;

/// <summary>
/// Sessions in Redis, as SaaS Odoo deployments keep them (a <c>session_redis</c> store), so any
/// node of a region serves a session and sessions survive a node restart. Redis being down is
/// felt as it would be in Odoo: session calls fail at once with <c>redis.exceptions.ConnectionError</c>
/// (commands are not queued while disconnected), and a command Redis does not answer in
/// <c>Odoo:RedisTimeoutMs</c> fails with <c>redis.exceptions.TimeoutError</c>.
/// </summary>
internal sealed class RedisSessionStore : ISessionStore, IAsyncDisposable
{
    /// <summary>Odoo's <c>SESSION_LIFETIME</c>: one week.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private const string KeyPrefix = "odoo:session:";
    private readonly ConfigurationOptions _configuration;
    private readonly SemaphoreSlim _connectGate = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public RedisSessionStore(OdooEmulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _configuration = ConfigurationOptions.Parse(options.Redis!);
        _configuration.AbortOnConnectFail = false;
        _configuration.BacklogPolicy = BacklogPolicy.FailFast;
        _configuration.ConnectTimeout = options.RedisTimeoutMs;
        _configuration.SyncTimeout = options.RedisTimeoutMs;
        _configuration.AsyncTimeout = options.RedisTimeoutMs;
        _configuration.ConnectRetry = 1;
        _configuration.ClientName ??= $"odoo-emulator-{Environment.ProcessId}";
    }

    public async Task<WebSession?> GetAsync(string sid, CancellationToken cancellationToken)
    {
        var value = await RunAsync(db => db.StringGetAsync(KeyPrefix + sid), cancellationToken);
        return value.IsNullOrEmpty ? null : JsonSerializer.Deserialize<WebSession>((string)value!);
    }

    public Task SaveAsync(WebSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var json = JsonSerializer.Serialize(session);
        return RunAsync(db => db.StringSetAsync(KeyPrefix + session.Sid, json, Lifetime), cancellationToken);
    }

    public Task DeleteAsync(string sid, CancellationToken cancellationToken) =>
        RunAsync(db => db.KeyDeleteAsync(KeyPrefix + sid), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connectGate.Dispose();
    }

    private async Task<T> RunAsync<T>(Func<IDatabase, Task<T>> command, CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken);
        try
        {
            return await command(connection.GetDatabase()).WaitAsync(cancellationToken);
        }
        catch (RedisTimeoutException ex)
        {
            throw new OdooException("redis.exceptions.TimeoutError", "Timeout reading from socket", ex);
        }
        catch (RedisConnectionException ex)
        {
            throw ConnectionError(ex);
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _connectGate.WaitAsync(cancellationToken);
        try
        {
            // Does not throw when Redis is down (AbortOnConnectFail=false): it keeps reconnecting in the background.
            return _connection ??= await ConnectionMultiplexer.ConnectAsync(_configuration);
        }
        finally
        {
            _connectGate.Release();
        }
    }

    private OdooException ConnectionError(Exception ex)
    {
        var endpoint = _configuration.EndPoints.FirstOrDefault()?.ToString() ?? "redis";
        return new OdooException("redis.exceptions.ConnectionError", $"Error connecting to {endpoint}. Connection refused.", ex);
    }
}
