using System.Security.Cryptography;

namespace Simulator.AppHost.Integrations.Odoo;

/// <summary>The Odoo database name and the login the workloads use, generated per run.</summary>
public sealed record OdooCredentials(string Database, string Login, string Password)
{
    /// <summary>Fresh credentials: a fixed database and login, a random password.</summary>
    public static OdooCredentials Generate() =>
        new("odoo", "admin", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)));
}
