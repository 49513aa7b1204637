using Simulator.AppHost.Native;

namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>The passwords of a Patroni cluster's PostgreSQL roles, generated per run.</summary>
/// <param name="Superuser">The <c>postgres</c> superuser's (also what clients use).</param>
/// <param name="Replication">The <c>replicator</c> role's, for streaming and base backups.</param>
/// <param name="Rewind">The <c>rewinder</c> role's, for <c>pg_rewind</c> when an old leader rejoins.</param>
public sealed record PatroniPasswords(string Superuser, string Replication, string Rewind)
{
    /// <summary>Fresh passwords, with <paramref name="superuser"/> for the superuser.</summary>
    public static PatroniPasswords New(string superuser) => new(superuser, RunSecrets.NewPassword(), RunSecrets.NewPassword());
}
