namespace Simulator.AppHost.Integrations.Postgres;

/// <summary>
/// A PostgreSQL node run from the Debian packages by <c>postgres-node.sh</c>, with its data in the
/// run folder. Its connection string points straight at the node; clients in other regions use
/// <see cref="ConnectionStringVia(EndpointReference)"/> with their fault-proxy link.
/// </summary>
public sealed class NativePostgresResource(
    string name,
    string command,
    string workingDirectory,
    PostgresRole role,
    string dataDirectory,
    string database,
    string password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>Name of the TCP endpoint PostgreSQL listens on.</summary>
    public const string EndpointName = "tcp";

    /// <summary>The role the node was started in.</summary>
    public PostgresRole Role { get; } = role;

    /// <summary>The node's data directory (its <c>postmaster.pid</c> names the server's PID).</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Database the Odoo servers use (the first of <see cref="Databases"/>).</summary>
    public string Database { get; } = database;

    /// <summary>Every database created on the node: <see cref="Database"/>, and the other tenants' on a shared server.</summary>
    public IReadOnlyList<string> Databases { get; init; } = [database];

    /// <summary>The primary a replica streams from; null for a primary.</summary>
    public NativePostgresResource? Source { get; init; }

    /// <summary>Password of the <c>postgres</c> superuser, generated per run.</summary>
    public string Password { get; } = password;

    /// <summary>The endpoint clients connect to.</summary>
    public EndpointReference Endpoint => new(this, EndpointName);

    /// <inheritdoc />
    public ReferenceExpression ConnectionStringExpression => ConnectionStringVia(Endpoint);

    /// <summary>
    /// The connection string of a client that reaches this node at <paramref name="endpoint"/>: the node's own
    /// endpoint, or a fault-proxy link in front of it.
    /// </summary>
    public ReferenceExpression ConnectionStringVia(EndpointReference endpoint) => ConnectionStringVia(endpoint, Database);

    /// <summary>
    /// The connection string of a client of this node's database <paramref name="database"/> (one of
    /// <see cref="Databases"/>), reaching the node at <paramref name="endpoint"/>.
    /// </summary>
    public ReferenceExpression ConnectionStringVia(EndpointReference endpoint, string database)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return ReferenceExpression.Create(
            $"Host=127.0.0.1;Port={endpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password};Database={database}");
    }
}
