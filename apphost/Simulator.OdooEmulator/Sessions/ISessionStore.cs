namespace Simulator.OdooEmulator.Sessions;

/// <summary>Where web sessions live: memory, or Redis shared by every emulator of a region.</summary>
internal interface ISessionStore
{
    Task<WebSession?> GetAsync(string sid, CancellationToken cancellationToken);

    Task SaveAsync(WebSession session, CancellationToken cancellationToken);

    Task DeleteAsync(string sid, CancellationToken cancellationToken);
}
