namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL cluster shared by the integration tests, plus one emulator on its own database
/// for tests that only need "an emulator"; tests that need a pristine database create their own.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PostgresServer? _server;
    private EmulatorFactory? _shared;
    private int _databases;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL is not started");

    /// <summary>A new, empty database with a unique name; returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix) =>
        Server.CreateDatabaseAsync($"{prefix}_{Interlocked.Increment(ref _databases)}");

    /// <summary>The shared emulator, started on first use.</summary>
    internal async Task<EmulatorFactory> SharedEmulatorAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_shared is null)
            {
                var factory = new EmulatorFactory(await CreateDatabaseAsync("shared"));
                factory.StartServer();
                _shared = factory;
            }

            return _shared;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_shared is not null)
        {
            await _shared.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        _gate.Dispose();
    }
}
