using Npgsql;
using Simulator.OdooEmulator.Database;

namespace Simulator.OdooEmulator.Tenants;

/// <summary>
/// One tenant's database as this node serves it: its name, its primary's pool, the health probe's own pool of the
/// same primary, and its read replica (if any).
/// </summary>
internal sealed class TenantDatabase(string name, NpgsqlDataSource primary, NpgsqlDataSource health, ReplicaDataSource replica)
    : IAsyncDisposable
{
    /// <summary>The database name clients pass (first RPC argument, <c>db</c> of a web login, <c>X-Odoo-Database</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The pool of the tenant's PostgreSQL primary.</summary>
    public NpgsqlDataSource Primary { get; } = primary;

    /// <summary>The health probe's pool of the same primary, apart from the requests' (see <see cref="OdooDataSourceFactory.CreateForHealth"/>).</summary>
    public NpgsqlDataSource Health { get; } = health;

    /// <summary>The tenant's read replica; its <see cref="ReplicaDataSource.DataSource"/> is null without one.</summary>
    public ReplicaDataSource Replica { get; } = replica;

    public async ValueTask DisposeAsync()
    {
        await Replica.DisposeAsync();
        await Health.DisposeAsync();
        await Primary.DisposeAsync();
    }
}
