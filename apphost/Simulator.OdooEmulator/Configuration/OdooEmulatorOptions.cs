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

    /// <summary>The call cost as a <see cref="TimeSpan"/>.</summary>
    public TimeSpan CallCost => TimeSpan.FromMilliseconds(CallCostMs);

    /// <summary>Reads the options from configuration, falling back to the defaults above.</summary>
    public static OdooEmulatorOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(SectionName).Get<OdooEmulatorOptions>() ?? new OdooEmulatorOptions();
    }

    /// <summary>Checks every setting and returns all problems found, not just the first.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Database))
        {
            errors.Add("Odoo:Database is required: the Npgsql connection string of the PostgreSQL primary.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(Database);
            }
            catch (ArgumentException ex)
            {
                errors.Add($"Odoo:Database is not a valid Npgsql connection string: {ex.Message}");
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

        return errors;
    }

    private static void AddIfNegative(List<string> errors, string key, int value)
    {
        if (value < 0)
        {
            errors.Add($"{key} must not be negative (was {value.ToString(CultureInfo.InvariantCulture)}).");
        }
    }
}
