using System.Security.Cryptography;
using System.Text;
using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Rpc;
using Simulator.OdooEmulator.Tenants;

namespace Simulator.OdooEmulator.Security;

/// <summary>
/// The single API user (Odoo's admin, uid 2) and the checks Odoo makes: <c>authenticate</c> looks
/// the login up in <c>res_users</c>; <c>execute_kw</c>'s <c>security.check</c> is answered from
/// memory, as Odoo answers it from its credential cache.
/// </summary>
internal sealed class Credentials(OdooEmulatorOptions options, TransactionRunner runner, TenantDatabases tenants)
{
    /// <summary>Odoo's superuser (<c>__system__</c>), not usable over RPC.</summary>
    public const int SystemUid = 1;

    /// <summary>Odoo's admin user id.</summary>
    public const int AdminUid = 2;

    /// <summary>
    /// Selects the tenant database <paramref name="database"/> for the request; a name this node does not serve
    /// gets the error Odoo gets when it opens a registry for a database that does not exist.
    /// </summary>
    public void CheckDatabase(string? database) => tenants.Select(database);

    /// <summary><c>security.check(db, uid, password)</c>: AccessDenied unless all three match.</summary>
    public void Check(string? database, long uid, string? password)
    {
        CheckDatabase(database);
        if (uid != AdminUid || !PasswordMatches(password))
        {
            throw OdooException.AccessDenied();
        }
    }

    /// <summary>The user id for valid credentials, or null (Odoo answers <c>false</c>).</summary>
    public async Task<int?> AuthenticateAsync(string? database, string? login, string? password, CancellationToken cancellationToken)
    {
        CheckDatabase(database);
        if (login is null)
        {
            return null;
        }

        var uid = await runner.RunAsync(
            async (cursor, ct) =>
            {
                var parameters = new SqlParameters();
                var sql = $"SELECT id FROM res_users WHERE login = {parameters.Add(login)} AND active";
                return await cursor.ScalarAsync(sql, parameters, ct) as int?;
            },
            cancellationToken);
        return uid is { } found && PasswordMatches(password) ? found : null;
    }

    private bool PasswordMatches(string? password) =>
        password is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(options.Password));
}
