using System.Net;

namespace Simulator.OdooEmulator.Hosting;

/// <summary>
/// Keeps the emulator on the loopback interface: listen where <c>ASPNETCORE_URLS</c> (or
/// <c>--urls</c>) says, refuse addresses other than loopback, and default to Odoo's port 8069.
/// </summary>
internal static class LoopbackUrls
{
    /// <summary>Used when no URL is configured.</summary>
    public const string DefaultUrl = "http://127.0.0.1:8069";

    public static void Apply(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configured = builder.Configuration["urls"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            builder.WebHost.UseUrls(DefaultUrl);
            return;
        }

        var rejected = NonLoopback(configured);
        if (rejected.Count > 0)
        {
            throw new InvalidOperationException(
                "The Odoo emulator listens on loopback only (127.0.0.1, [::1] or localhost); refusing: " + string.Join(", ", rejected));
        }
    }

    /// <summary>The entries of a <c>;</c>-separated URL list that are not loopback addresses.</summary>
    public static IReadOnlyList<string> NonLoopback(string urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(url => !IsLoopback(url))
            .ToList();
    }

    private static bool IsLoopback(string url)
    {
        BindingAddress address;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return false;
        }

        var host = address.Host.Trim('[', ']');
        return string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
