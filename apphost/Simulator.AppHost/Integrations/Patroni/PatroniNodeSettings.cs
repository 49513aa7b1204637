namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>What one node's Patroni configuration says, apart from the addresses (set through the environment).</summary>
/// <param name="Name">The member's name (its resource name, e.g. <c>eu-pg-1</c>).</param>
/// <param name="DataDirectory">PostgreSQL's data directory.</param>
/// <param name="SocketDirectory">Folder for PostgreSQL's Unix socket (Patroni's own connections).</param>
/// <param name="PasswordFile">The <c>.pgpass</c> file Patroni writes for replication and rewind.</param>
/// <param name="BinDirectory">PostgreSQL's programs.</param>
/// <param name="Database">The application database created at bootstrap.</param>
/// <param name="PostInitCommand">The command Patroni runs once after bootstrapping a new cluster.</param>
/// <param name="Passwords">The cluster's passwords.</param>
public sealed record PatroniNodeSettings(
    string Name,
    string DataDirectory,
    string SocketDirectory,
    string PasswordFile,
    string BinDirectory,
    string Database,
    string PostInitCommand,
    PatroniPasswords Passwords)
{
    /// <summary>Patroni's tags on the node (its region's <c>nofailover</c> and <c>nosync</c>); none by default.</summary>
    public PatroniNodeTags Tags { get; init; } = PatroniNodeTags.None;
}
