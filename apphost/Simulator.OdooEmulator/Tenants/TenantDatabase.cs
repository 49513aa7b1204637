using Npgsql;
using Simulator.OdooEmulator.Database;

namespace Simulator.OdooEmulator.Tenants;

/// <summary>One tenant's database as this node serves it: its name, its primary's pool and its read replica (if any).</summary>
internal sealed class TenantDatabase(string name, NpgsqlDataSource primary, ReplicaDataSource replica) : IAsyncDisposable
{
    /// <summary>The database name clients pass (first RPC argument, <c>db</c> of a web login, <c>X-Odoo-Database</c>).</summary>
    public string Name { get; } = name;

    /// <summary>The pool of the tenant's PostgreSQL primary.</summary>
    public NpgsqlDataSource Primary { get; } = primary;

    /// <summary>The tenant's read replica; its <see cref="ReplicaDataSource.DataSource"/> is null without one.</summary>
    public ReplicaDataSource Replica { get; } = replica;

    public async ValueTask DisposeAsync()
    {
        await Replica.DisposeAsync();
        await Primary.DisposeAsync();
    }
}
