using System.Collections.Concurrent;

namespace Simulator.OdooEmulator.Sessions;

/// <summary>Sessions in this process only (Odoo's filesystem store on one server): lost on restart.</summary>
internal sealed class InMemorySessionStore : ISessionStore
{
    private readonly ConcurrentDictionary<string, WebSession> _sessions = new(StringComparer.Ordinal);

    public Task<WebSession?> GetAsync(string sid, CancellationToken cancellationToken) =>
        Task.FromResult(_sessions.GetValueOrDefault(sid));

    public Task SaveAsync(WebSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        _sessions[session.Sid] = session;
        return Task.CompletedTask;
    }

    public Task DeleteAsync(string sid, CancellationToken cancellationToken)
    {
        _sessions.TryRemove(sid, out _);
        return Task.CompletedTask;
    }
}
