namespace Simulator.AppHost.Cli;

/// <summary>
/// The Aspire dashboard wants HTTPS and a developer certificate by default; most machines this runs
/// on have none. Unless the user configured it, it is served over plain HTTP on loopback.
/// </summary>
public static class DashboardSettings
{
    /// <summary>Default dashboard address.</summary>
    public const string DefaultUrl = "http://127.0.0.1:18888";

    /// <summary>Sets plain-HTTP loopback defaults for every dashboard setting the user left unset.</summary>
    public static void ApplyPlainHttpDefaults()
    {
        SetIfMissing("ASPNETCORE_URLS", DefaultUrl);
        SetIfMissing("ASPIRE_DASHBOARD_OTLP_HTTP_ENDPOINT_URL", "http://127.0.0.1:18890");
        SetIfMissing("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
    }

    private static void SetIfMissing(string name, string value)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
