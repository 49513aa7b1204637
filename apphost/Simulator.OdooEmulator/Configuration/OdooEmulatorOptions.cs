using System.Globalization;
using Npgsql;

namespace Simulator.OdooEmulator.Configuration;

/// <summary>
/// The emulator's settings, bound from the <c>Odoo</c> configuration section
/// (environment variables use <c>Odoo__Database</c>, <c>Odoo__Seed__Products</c>, ...).
/// </summary>
internal sealed record OdooEmulatorOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Odoo";

    /// <summary>Npgsql connection string of the PostgreSQL primary.</summary>
    public string Database { get; init; } = "";

    /// <summary>The Odoo database name clients pass as the first RPC argument.</summary>
    public string DatabaseName { get; init; } = "odoo";

    /// <summary>
    /// Tenant databases served by this one node, as an Odoo server with several databases: name (what clients pass
    /// as the database) → Npgsql connection string, so tenants may share a PostgreSQL server or not. Empty: the one
    /// database <see cref="DatabaseName"/> at <see cref="Database"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Tenants { get; init; } = new Dictionary<string, string>();

    /// <summary>Login of the single API user (Odoo's admin, uid 2).</summary>
    public string Login { get; init; } = "admin";

    /// <summary>Password (or API key) of the API user.</summary>
    public string Password { get; init; } = "admin";

    /// <summary>Per-call processing time, standing for the Python work Odoo does inside a call.</summary>
    public int CallCostMs { get; init; }

    /// <summary>Sizes of the deterministic demo data.</summary>
    public SeedOptions Seed { get; init; } = new();

    /// <summary>Concurrency-failure retry policy, Odoo's defaults unless overridden.</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>Timeout of the database probe behind <c>/web/health</c>.</summary>
    public int HealthTimeoutMs { get; init; } = 2000;

    /// <summary>This instance's region code; its warehouse is the default for new sale orders.</summary>
    public string Region { get; init; } = "eu";

    /// <summary>Region codes whose warehouses are seeded; empty means just <see cref="Region"/>.</summary>
    public IReadOnlyList<string> Warehouses { get; init; } = [];

    /// <summary>Key accepted by the JSON-2 API (<c>Authorization: bearer</c>); generated and logged when unset.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Redis (<c>host:port</c> or a StackExchange.Redis configuration string) for web sessions; unset keeps them in memory.</summary>
    public string? Redis { get; init; }

    /// <summary>Bound on connecting to Redis and on each Redis command.</summary>
    public int RedisTimeoutMs { get; init; } = 1000;

    /// <summary>Odoo's <c>--workers</c>: requests served at once; the rest wait their turn.</summary>
    public int Workers { get; init; } = 4;

    /// <summary>Odoo's <c>--limit-time-real</c> in seconds: a request running longer is killed.</summary>
    public int LimitTimeReal { get; init; } = 120;

    /// <summary>Odoo's <c>--db_maxconn</c>: size of each connection pool (primary, replica).</summary>
    public int DbMaxConn { get; init; } = 64;

    /// <summary>Npgsql connection string of a read replica (Odoo 17+'s <c>db_replica_host</c>); read-only calls go there.</summary>
    public string? DbReplica { get; init; }

    /// <summary>After failing to reach the replica, read-only calls use the primary for this long (Odoo: 20 minutes).</summary>
    public int DbReplicaRetrySeconds { get; init; } = 1200;

    /// <summary>Object storage for attachment contents.</summary>
    public S3Options S3 { get; init; } = new();

    /// <summary>The warehouses to seed: <see cref="Warehouses"/>, or the region alone.</summary>
    public IReadOnlyList<string> WarehouseCodes =>
        (Warehouses.Count == 0 ? [Region] : Warehouses)
            .Select(code => code.Trim())
            .Where(code => code.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>The databases served, name → connection string: <see cref="Tenants"/>, or <see cref="DatabaseName"/> alone.</summary>
    public IReadOnlyDictionary<string, string> TenantConnections =>
        Tenants.Count == 0 ? new Dictionary<string, string>(StringComparer.Ordinal) { [DatabaseName] = Database } : Tenants;

    /// <summary>The call cost as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan CallCost => TimeSpan.FromMilliseconds(CallCostMs);

    /// <summary>Reads the options from configuration, falling back to the defaults above.</summary>
    public static OdooEmulatorOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var options = section.Get<OdooEmulatorOptions>() ?? new OdooEmulatorOptions();
        // "eu,us" as one value (an environment variable) is accepted as well as a list.
        var inline = section["Warehouses"];
        if (!string.IsNullOrWhiteSpace(inline))
        {
            options = options with { Warehouses = inline.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) };
        }

        return options;
    }

    /// <summary>Checks every setting and returns all problems found, not just the first.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Tenants.Count == 0)
        {
            AddIfNotConnectionString(errors, "Odoo:Database", Database, "the Npgsql connection string of the PostgreSQL primary");
        }
        else
        {
            foreach (var (name, connection) in Tenants)
            {
                AddIfNotConnectionString(errors, $"Odoo:Tenants:{name}", connection, $"the Npgsql connection string of tenant {name}'s database");
            }

            if (!string.IsNullOrWhiteSpace(DbReplica))
            {
                errors.Add("Odoo:DbReplica applies to the single database; it cannot be combined with Odoo:Tenants.");
            }
        }

        if (string.IsNullOrWhiteSpace(DatabaseName))
        {
            errors.Add("Odoo:DatabaseName must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(Login))
        {
            errors.Add("Odoo:Login must not be empty.");
        }

        if (string.IsNullOrEmpty(Password))
        {
            errors.Add("Odoo:Password must not be empty.");
        }

        AddIfNegative(errors, "Odoo:CallCostMs", CallCostMs);
        AddIfNegative(errors, "Odoo:Seed:Products", Seed.Products);
        AddIfNegative(errors, "Odoo:Seed:Partners", Seed.Partners);
        AddIfNegative(errors, "Odoo:Retry:BaseDelayMs", Retry.BaseDelayMs);
        if (Retry.MaxTries < 1)
        {
            errors.Add($"Odoo:Retry:MaxTries must be at least 1 (was {Retry.MaxTries.ToString(CultureInfo.InvariantCulture)}).");
        }

        if (HealthTimeoutMs < 1)
        {
            errors.Add("Odoo:HealthTimeoutMs must be at least 1.");
        }

        AddIfNegative(errors, "Odoo:Seed:StockPerProduct", Seed.StockPerProduct);
        AddIfLessThanOne(errors, "Odoo:Workers", Workers);
        AddIfLessThanOne(errors, "Odoo:LimitTimeReal", LimitTimeReal);
        AddIfLessThanOne(errors, "Odoo:DbMaxConn", DbMaxConn);
        AddIfLessThanOne(errors, "Odoo:RedisTimeoutMs", RedisTimeoutMs);
        AddIfLessThanOne(errors, "Odoo:S3:TimeoutMs", S3.TimeoutMs);
        AddIfNegative(errors, "Odoo:DbReplicaRetrySeconds", DbReplicaRetrySeconds);
        if (string.IsNullOrWhiteSpace(Region) || Region.Trim().Length > 5)
        {
            errors.Add("Odoo:Region must be a region code of 1 to 5 characters (Odoo's warehouse code length).");
        }

        foreach (var code in Warehouses.Select(code => code.Trim()).Where(code => code.Length > 5))
        {
            errors.Add($"Odoo:Warehouses: '{code}' is longer than 5 characters (Odoo's warehouse code length).");
        }

        if (ApiKey is { Length: 0 })
        {
            errors.Add("Odoo:ApiKey must not be empty when set (leave it unset to have one generated).");
        }

        if (DbReplica is { } replica && !string.IsNullOrWhiteSpace(replica))
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(replica);
            }
            catch (ArgumentException ex)
            {
                errors.Add($"Odoo:DbReplica is not a valid Npgsql connection string: {ex.Message}");
            }
        }

        if (S3.IsConfigured)
        {
            if (!Uri.TryCreate(S3.Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
            {
                errors.Add($"Odoo:S3:Endpoint must be an http(s) URL (was '{S3.Endpoint}').");
            }

            if (string.IsNullOrWhiteSpace(S3.Bucket))
            {
                errors.Add("Odoo:S3:Bucket must not be empty when Odoo:S3:Endpoint is set.");
            }

            if (string.IsNullOrEmpty(S3.AccessKey) || string.IsNullOrEmpty(S3.SecretKey))
            {
                errors.Add("Odoo:S3:AccessKey and Odoo:S3:SecretKey are required when Odoo:S3:Endpoint is set.");
            }
        }

        return errors;
    }

    private static void AddIfNotConnectionString(List<string> errors, string key, string value, string meaning)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{key} is required: {meaning}.");
            return;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{key} is not a valid Npgsql connection string: {ex.Message}");
        }
    }

    private static void AddIfLessThanOne(List<string> errors, string key, int value)
    {
        if (value < 1)
        {
            errors.Add($"{key} must be at least 1 (was {value.ToString(CultureInfo.InvariantCulture)}).");
        }
    }

    private static void AddIfNegative(List<string> errors, string key, int value)
    {
        if (value < 0)
        {
            errors.Add($"{key} must not be negative (was {value.ToString(CultureInfo.InvariantCulture)}).");
        }
    }
}
