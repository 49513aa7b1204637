using Simulator.OdooEmulator.Configuration;
using Simulator.OdooEmulator.Database;
using Simulator.OdooEmulator.Rpc;

namespace Simulator.OdooEmulator.Tenants;

/// <summary>
/// The databases this node serves, as an Odoo server with several databases serves each from its own registry. A
/// request selects one where Odoo opens the registry for it — the RPC security check on the first argument, the web
/// session's <c>db</c>, JSON-2's <c>X-Odoo-Database</c> — and every transaction of that request then runs on that
/// tenant's database (<see cref="Current"/> flows with the request's async calls). With one database nothing needs
/// selecting: it is the default.
/// </summary>
internal sealed class TenantDatabases : IAsyncDisposable
{
    private readonly AsyncLocal<TenantDatabase?> _selected = new();
    private readonly Dictionary<string, TenantDatabase> _byName = new(StringComparer.Ordinal);

    public TenantDatabases(OdooEmulatorOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (name, connection) in options.TenantConnections)
        {
            // The replica setting belongs to the single database (validation refuses it with tenants).
            var replica = new ReplicaDataSource(options.Tenants.Count == 0 ? options.DbReplica : null, options, timeProvider);
            _byName[name] = new TenantDatabase(
                name, OdooDataSourceFactory.Create(connection, options.DbMaxConn), OdooDataSourceFactory.CreateForHealth(connection), replica);
        }

        All = [.. _byName.Values];
    }

    /// <summary>Every tenant database, in configuration order.</summary>
    public IReadOnlyList<TenantDatabase> All { get; }

    /// <summary>The only database when there is one (clients then need not name it); null with several.</summary>
    public TenantDatabase? Default => All.Count == 1 ? All[0] : null;

    /// <summary>
    /// The database the current request selected, else the default. With several tenants and none selected there is
    /// no database to run on: Odoo's error for a request without a database.
    /// </summary>
    public TenantDatabase Current =>
        _selected.Value ?? Default ?? throw OdooException.OperationalError("connection to server failed: no database selected for this request");

    /// <summary>The tenant called <paramref name="name"/>, or null.</summary>
    public TenantDatabase? Find(string? name) => name is not null && _byName.TryGetValue(name, out var tenant) ? tenant : null;

    /// <summary>
    /// Selects the database <paramref name="name"/> for the rest of the current request; an unknown name gets the
    /// error Odoo's server gets when it opens a registry for a database that does not exist.
    /// </summary>
    public TenantDatabase Select(string? name)
    {
        var tenant = Find(name) ?? throw OdooException.OperationalError(
            $"connection to server failed: FATAL:  database \"{name}\" does not exist");
        _selected.Value = tenant;
        return tenant;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var tenant in All)
        {
            await tenant.DisposeAsync();
        }
    }
}
