using System.Security.Cryptography;

namespace Simulator.OdooEmulator.Sessions;

/// <summary>New session ids: 63 random bytes in URL-safe base64 (84 characters), as Odoo's session store makes them.</summary>
internal static class SessionIds
{
    public static string New() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(63)).Replace('+', '-').Replace('/', '_');
}
