namespace Simulator.AppHost.Integrations.Patroni;

/// <summary>
/// One PostgreSQL node managed by Patroni (Debian's <c>patroni</c> and <c>postgresql</c>), run as the <c>postgres</c>
/// user with its configuration and data in the run folder. Patroni starts PostgreSQL as its child, decides its role
/// through the DCS, and answers on a REST API (<see cref="RestEndpoint"/>) that tells the role.
/// </summary>
public sealed class PatroniNodeResource(
    string name,
    string command,
    string workingDirectory,
    string region,
    string configFile,
    string dataDirectory,
    string database,
    string password)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    /// <summary>Name of the endpoint of Patroni's REST API.</summary>
    public const string RestEndpointName = "rest";

    /// <summary>Name of the TCP endpoint PostgreSQL listens on.</summary>
    public const string PostgresEndpointName = "tcp";

    /// <summary>The region the node runs in.</summary>
    public string Region { get; } = region;

    /// <summary>The node's number in its region (1-based): <c>eu-pg-2</c> is 2.</summary>
    public int Ordinal { get; init; } = 1;

    /// <summary>The generated Patroni configuration (YAML).</summary>
    public string ConfigFile { get; } = configFile;

    /// <summary>PostgreSQL's data directory (its <c>postmaster.pid</c> names the postmaster's PID).</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The application database created at bootstrap.</summary>
    public string Database { get; } = database;

    /// <summary>Password of the <c>postgres</c> superuser, generated per run.</summary>
    public string Password { get; } = password;

    /// <summary>
    /// The postmaster's PID file. Patroni starts PostgreSQL detached from itself, so the postmaster is not among
    /// Patroni's descendants: killing "the node" means killing Patroni (the resource's PID) and this PID too.
    /// </summary>
    public string PostmasterPidFile => Path.Combine(DataDirectory, "postmaster.pid");

    /// <summary>Patroni's REST API.</summary>
    public EndpointReference RestEndpoint => new(this, RestEndpointName);

    /// <summary>PostgreSQL.</summary>
    public EndpointReference PostgresEndpoint => new(this, PostgresEndpointName);

    /// <summary>The REST API's base URL, with the loopback address spelled out.</summary>
    public Uri RestUrl => new($"http://127.0.0.1:{RestEndpoint.Port}");

    /// <summary>A connection string straight to this node, whatever its role.</summary>
    public ReferenceExpression ConnectionStringExpression => ReferenceExpression.Create(
        $"Host=127.0.0.1;Port={PostgresEndpoint.Property(EndpointProperty.Port)};Username=postgres;Password={Password};Database={Database}");
}
