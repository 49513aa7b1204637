namespace Simulator.Load.Odoo;

/// <summary>What an Odoo external-API login needs.</summary>
/// <param name="Database">The database name.</param>
/// <param name="Login">The user's login.</param>
/// <param name="Password">The user's password or API key.</param>
public sealed record OdooCredentials(string Database, string Login, string Password)
{
    /// <summary>An API key for Odoo 19's JSON-2 API (<c>Authorization: bearer</c>), when the server has one; null otherwise.</summary>
    public string? ApiKey { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Login}@{Database}";
}
