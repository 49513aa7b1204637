using System.Security.Cryptography;
using System.Text;
using Simulator.OdooEmulator.Configuration;

namespace Simulator.OdooEmulator.Security;

/// <summary>
/// The API key the JSON-2 API accepts as <c>Authorization: bearer</c>: <c>Odoo:ApiKey</c>, or a
/// key generated at start (160 random bits in hex, like Odoo's) and logged once.
/// </summary>
internal sealed partial class ApiKeys
{
    private readonly byte[] _key;

    public ApiKeys(OdooEmulatorOptions options, ILogger<ApiKeys> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var key = options.ApiKey;
        if (key is null)
        {
            key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
            LogGenerated(logger, key);
        }

        _key = Encoding.UTF8.GetBytes(key);
    }

    /// <summary>The user the key belongs to, or null for a wrong key.</summary>
    public int? Check(string key) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(key), _key) ? Credentials.AdminUid : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Odoo:ApiKey is not set; JSON-2 API key for this run: {Key}")]
    private static partial void LogGenerated(ILogger logger, string key);
}
