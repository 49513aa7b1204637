using Simulator.AppHost.Integrations.Containers;

namespace Simulator.AppHost.Integrations.Odoo;

/// <summary>Where an Odoo node's database traffic goes, and as whom.</summary>
/// <param name="Name">Database name (the one the workloads log in to; with tenants, the first tenant's).</param>
/// <param name="Primary">Writes: the region ingress's leader entry point.</param>
/// <param name="Replica">Reads (Odoo 18): the region ingress's replica entry point, or null for none.</param>
/// <param name="User">Database role (never the superuser: Odoo refuses it).</param>
/// <param name="Password">Its password.</param>
/// <param name="MasterPassword">Odoo's <c>admin_passwd</c> (database manager), generated per run.</param>
public sealed record OdooContainerDatabase(
    string Name,
    ContainerAddress Primary,
    ContainerAddress? Replica,
    string User,
    string Password,
    string MasterPassword)
{
    /// <summary>
    /// Every tenant's database the node serves (workloads name theirs in each request), or empty for the one
    /// database <see cref="Name"/>.
    /// </summary>
    public IReadOnlyList<string> Tenants { get; init; } = [];
}
