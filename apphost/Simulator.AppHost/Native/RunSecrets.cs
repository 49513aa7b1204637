using System.Security.Cryptography;
using Simulator.Load.Odoo;

namespace Simulator.AppHost.Native;

/// <summary>Secrets generated per run (database and Odoo passwords), never reused across runs.</summary>
public static class RunSecrets
{
    /// <summary>A random password of hex digits: safe inside connection strings and command lines.</summary>
    public static string NewPassword() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The Odoo login the workloads use: database <c>odoo</c>, user <c>admin</c>, a fresh password and JSON-2 API key.</summary>
    public static OdooCredentials NewOdooCredentials() => new("odoo", "admin", NewPassword()) { ApiKey = NewApiKey() };

    /// <summary>A key shaped like Odoo's API keys: 40 hex digits.</summary>
    public static string NewApiKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(20));
}
