using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Simulator.OdooEmulator.Diagnostics;

namespace Simulator.OdooEmulator.Tests.Infrastructure;

/// <summary>An in-process emulator instance pointed at a test database.</summary>
internal sealed class EmulatorFactory(
    string connectionString, IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? timeProvider = null)
    : WebApplicationFactory<Program>
{
    public const string Database = "odoo";
    public const string Login = "admin";
    public const string Password = "s3cret";
    public const string ApiKey = "0123456789abcdef0123456789abcdef01234567";

    /// <summary>The instance's counters.</summary>
    public EmulatorMetrics Metrics => Services.GetRequiredService<EmulatorMetrics>();

    /// <summary>
    /// Serves on a real loopback port (instead of the in-memory test server), for clients that
    /// are not .NET (python3) and for behaviour that needs real connections (aborted requests).
    /// Returns the base URL.
    /// </summary>
    public Uri StartListening()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single());
    }

    /// <summary>A web-session and JSON-2 client for this instance.</summary>
    public OdooWebClient CreateWebClient() => new(CreateClient());

    /// <summary>A JSON-RPC client for this instance.</summary>
    public OdooRpcClient CreateRpcClient() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            ["Odoo:Database"] = connectionString,
            ["Odoo:DatabaseName"] = Database,
            ["Odoo:Login"] = Login,
            ["Odoo:Password"] = Password,
            ["Odoo:ApiKey"] = ApiKey,
            ["Odoo:Seed:Products"] = "200",
            ["Odoo:Seed:Partners"] = "50",
            // Tests keep Odoo's back-off shape but not its seconds-long waits.
            ["Odoo:Retry:BaseDelayMs"] = "5",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(values));
        // OpenTelemetry is wired (or not) while the app is being built, before app configuration applies;
        // host settings are visible by then, as the environment variables Aspire sets would be.
        foreach (var (key, value) in values.Where(v => v.Key.StartsWith("OTEL_", StringComparison.Ordinal)))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (timeProvider is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(timeProvider));
        }
    }
}
